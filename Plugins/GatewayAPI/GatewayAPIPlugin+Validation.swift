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
        for origin in allowedOrigins {
            guard OriginPolicy.isWellFormed(origin) else {
                throw GatewayConfigError(
                    message: "allowedOrigins: \"\(origin)\" is not an origin; write scheme://host[:port] with no path, such as https://console.example.com")
            }
        }
        return self
    }

    private static func require(_ value: Int, in range: ClosedRange<Int>, _ key: String) throws {
        guard range.contains(value) else {
            throw GatewayConfigError(message: "\(key): \(value) is out of range \(range.lowerBound)...\(range.upperBound)")
        }
    }
}
