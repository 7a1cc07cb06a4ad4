/// The WebSocket endpoint of a serial console: `/v1/servers/{id}/console/serial`.
enum ConsolePath {
    static let template = "/v1/servers/{id}/console/serial"

    /// The server named by `target` (a request target, query allowed).
    /// - Throws: ``GatewayError`` 404 for any other path, 400 for a bad server name.
    static func server(in target: String) throws -> String {
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0].isEmpty, parts[1] == "v1", parts[2] == "servers", parts[4] == "console", parts[5] == "serial" else {
            throw GatewayError.notFound("no WebSocket endpoint at \(path.prefix(200)); consoles are at \(template)")
        }
        return try ServerName.parse(String(parts[3]))
    }
}
