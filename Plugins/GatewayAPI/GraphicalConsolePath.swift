/// The WebSocket endpoint of a graphical console: `/v1/servers/{id}/console/vnc`.
enum GraphicalConsolePath {
    static let template = "/v1/servers/{id}/console/vnc"

    /// Whether `target` (a request target, query allowed) names a graphical console.
    static func matches(_ target: String?) -> Bool {
        guard let target else { return false }
        let parts = segments(target)
        return parts.count == 6 && parts[0].isEmpty && parts[1] == "v1" && parts[2] == "servers" && parts[4] == "console" && parts[5] == "vnc"
    }

    /// The server named by `target`.
    /// - Throws: ``GatewayError`` 404 for any other path, 400 for a bad server name.
    static func server(in target: String) throws -> String {
        guard matches(target) else {
            throw GatewayError.notFound("no WebSocket endpoint at \(target.prefix(200)); graphical consoles are at \(template)")
        }
        return try ServerName.parse(String(segments(target)[3]))
    }

    private static func segments(_ target: String) -> [Substring] {
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return path.split(separator: "/", omittingEmptySubsequences: false)
    }
}
