/// A server as the manager knows it: who owns it and which gateway reaches it.
public struct ManagedServer: Sendable, Hashable, Codable {
    public var id: String
    /// The owning tenant; nil until an operator assigns it (only superadmins see it then).
    public var tenantID: String?
    /// The gateway whose agent serves it; the audience of its session tokens.
    public var gatewayID: String?
    /// What its BMC supports (`ipmi`, `serial-ipmi`, `vnc-tcp`, ...).
    public var capabilities: [String]

    public init(id: String, tenantID: String? = nil, gatewayID: String? = nil, capabilities: [String] = []) {
        self.id = id
        self.tenantID = tenantID
        self.gatewayID = gatewayID
        self.capabilities = capabilities
    }
}
