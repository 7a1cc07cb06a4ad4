/// One row of `tether server list` (`-o json` schema in the README: every key always
/// present; `tenant`, `gateway` and `status` may be null).
struct ServerListing: Codable, Equatable {
    var id: String
    var tenant: String?
    var gateway: String?
    var capabilities: [String]
    var actions: [String]
    /// `on`, `off`, `unknown` or `unreachable` with `--status`; null without.
    var status: String?

    init(server: ManagerReplies.Server, status: String?) {
        id = server.id
        tenant = server.tenant
        gateway = server.gateway
        capabilities = server.capabilities
        actions = server.actions
        self.status = status
    }

    /// The whole answer: `{"servers": [...]}`.
    struct Page: Codable {
        var servers: [ServerListing]
    }

    // Explicit so nil values are written as null: the schema keeps every key.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(tenant, forKey: .tenant)
        try container.encode(gateway, forKey: .gateway)
        try container.encode(capabilities, forKey: .capabilities)
        try container.encode(actions, forKey: .actions)
        try container.encode(status, forKey: .status)
    }
}
