/// Supermicro: the HTML5 iKVM page is `cgi/url_redirect.cgi?url_name=ikvm&url_type=html5`.
public struct SupermicroVendor: RedfishVendor {
    public let id = "supermicro"
    public init() {}

    public func matches(_ root: ServiceRoot) -> Bool { root.mentions(["Supermicro"]) }

    public func kvm(at address: BMCAddress, manager: Manager?) -> KVMEndpoint? {
        KVMEndpoint(kind: .webPage, url: address.url("/cgi/url_redirect.cgi?url_name=ikvm&url_type=html5"))
    }
}
