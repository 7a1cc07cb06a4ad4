extension GatewayAPIPlugin.Config {
    /// Refuses settings that cannot work, without touching the file system.
    func validated() throws -> Self {
        if (certificateFile == nil) != (privateKeyFile == nil) {
            throw GatewayConfigError(message: "certificateFile and privateKeyFile go together: set both for TLS, or neither")
        }
        try Self.require(maxBodyBytes, in: 1...16_777_216, "maxBodyBytes")
        try Self.require(requestTimeoutSeconds, in: 1...600, "requestTimeoutSeconds")
        try Self.require(maxWebSocketFrameBytes, in: 1024...16_777_216, "maxWebSocketFrameBytes")
        try Self.require(sessionIdleTimeoutSeconds, in: 1...86_400, "sessionIdleTimeoutSeconds")
        try Self.require(maxConsoleSessionsPerServer, in: 1...1000, "maxConsoleSessionsPerServer")
        if let grpcListen, !Self.isIPLiteral(grpcListen.host) {
            throw GatewayConfigError(
                message: "grpcListen: \"\(grpcListen.host)\" is not an IP address; write an address to bind, such as \"127.0.0.1:9443\" or \"[::]:9443\"")
        }
        for origin in allowedOrigins {
            guard OriginPolicy.isWellFormed(origin) else {
                throw GatewayConfigError(
                    message: "allowedOrigins: \"\(origin)\" is not an origin; write scheme://host[:port] with no path, such as https://console.example.com")
            }
        }
        return self
    }

    /// An IPv4 dotted quad or an IPv6 address (the gRPC transport binds addresses, not names).
    static func isIPLiteral(_ host: String) -> Bool {
        if host.contains(":") { return host.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." } }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in part.count <= 3 && Int(part).map { (0...255).contains($0) } == true }
    }

    private static func require(_ value: Int, in range: ClosedRange<Int>, _ key: String) throws {
        guard range.contains(value) else {
            throw GatewayConfigError(message: "\(key): \(value) is out of range \(range.lowerBound)...\(range.upperBound)")
        }
    }
}
