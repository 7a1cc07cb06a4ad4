/// An `EthernetInterface` of a Manager: the BMC's own network port.
public struct EthernetInterface: Sendable, Equatable {
    public var id: String?
    public var macAddress: String?
    public var hostName: String?
    public var ipv4Addresses: [String]
    public var ipv6Addresses: [String]

    /// Reads the resource; absent or mistyped fields stay nil.
    public init(json: JSONValue) {
        id = json["Id"].text
        macAddress = json["MACAddress"].text ?? json["PermanentMACAddress"].text
        hostName = json["HostName"].text
        ipv4Addresses = json["IPv4Addresses"].elements.compactMap { $0["Address"].text }
        ipv6Addresses = json["IPv6Addresses"].elements.compactMap { $0["Address"].text }
    }
}
