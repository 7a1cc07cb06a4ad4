/// A Manager's `NetworkProtocol` resource: which services the BMC offers on the network.
public struct ManagerNetworkProtocol: Sendable, Equatable {
    public var hostName: String?
    public var fqdn: String?
    /// Each protocol object (`HTTPS`, `IPMI`, `SSH`, `KVMIP`, `RFB`...) by name.
    public var protocols: [String: NetworkService]

    /// Reads the resource; absent or mistyped fields stay nil.
    public init(json: JSONValue) {
        hostName = json["HostName"].text
        fqdn = json["FQDN"].text
        var protocols: [String: NetworkService] = [:]
        for (name, value) in json.members where value.isObject && !name.hasPrefix("@") && name != "Status" && name != "Oem" {
            let enabled = value["ProtocolEnabled"].bool
            let port = value["Port"].int
            guard enabled != nil || port != nil else { continue }
            protocols[name] = NetworkService(enabled: enabled, port: port)
        }
        self.protocols = protocols
    }

    /// Whether the protocol is switched on (nil: not reported).
    public func isEnabled(_ name: String) -> Bool? { protocols[name]?.enabled }
}
