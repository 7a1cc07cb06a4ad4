/// Manifests for the tests.
enum TestYAML {
    /// One `vnc-tcp` instance; `servers` are flow-style YAML entries.
    static func vncTCP(_ servers: [String], limit: Int = 2, idleSeconds: Double = 900, connectSeconds: Double = 5) -> String {
        "role: t\nplugins: [{use: vnc-tcp, with: {servers: [\(servers.joined(separator: ", "))], "
            + "maxSessionsPerServer: \(limit), idleTimeoutSeconds: \(idleSeconds), connectTimeoutSeconds: \(connectSeconds)}}]"
    }
}
