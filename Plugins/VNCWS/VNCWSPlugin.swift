import Contracts
import Foundation
import Kernel
import RFB
import VNCTCP

/// `vnc-ws`: graphical consoles of servers whose BMC speaks RFB over WebSocket (`ws://`,
/// `wss://`, subprotocol `binary`). Serves `GraphicalConsole.Attach` like `vnc-tcp`: logs in
/// to the BMC's VNC server itself, presents a plain RFB 3.8 server with security type None on
/// the duplex, and relays.
public actor VNCWSPlugin: Plugin {
    public static let id: PluginID = "vnc-ws"
    public static let summary = "Graphical consoles over RFB/WebSocket: logs in to the BMC's VNC server, serves console.graphical.attach"

    /// The session machinery (limits, ServerInit cache, relay).
    public nonisolated let sessions: GraphicalConsoleSessions
    private nonisolated let instance: PluginID

    public init(config: Config, context: PluginContext) throws {
        let limits = try GraphicalConsoleLimits(
            maxSessionsPerServer: config.maxSessionsPerServer,
            idleTimeoutSeconds: config.idleTimeoutSeconds,
            connectTimeoutSeconds: config.connectTimeoutSeconds
        )
        var targets: [String: GraphicalConsoleTarget] = [:]
        for (index, server) in config.servers.enumerated() {
            let name = server.name.trimmingCharacters(in: .whitespaces)
            let path = "servers[\(index)] (\(name))"
            guard !name.isEmpty else { throw GraphicalConsoleConfigError("servers[\(index)].name is empty") }
            guard targets[name] == nil else { throw GraphicalConsoleConfigError("servers[\(index)]: \(name) is listed twice") }
            try Self.validate(url: server.url, at: path)
            let password = try VNCPasswordSource(password: server.password, passwordFile: server.passwordFile, at: path, context: context)
            targets[name] = GraphicalConsoleTarget(transport: VNCWSTransport(url: server.url), password: password)
        }
        sessions = GraphicalConsoleSessions(targets: targets, limits: limits, logger: context.logger)
        instance = context.instance
    }

    public nonisolated func routes(_ routes: inout Routes) {
        let sessions = self.sessions
        routes.accept(GraphicalConsole.Attach.self) { request, viewer, caller in
            try await sessions.attach(request, viewer: viewer, caller: caller)
        }
        let inventory = Inventory.List.Reply(servers: sessions.servers.map {
            Inventory.Server(id: $0, capabilities: [.vncWebSocket], managedBy: instance.rawValue)
        })
        routes.answer(Inventory.List.self) { _, _ in inventory }
    }

    /// `ws://` or `wss://`, a host, an optional port and path; no credentials in the URL.
    static func validate(url text: String, at path: String) throws {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), ["ws", "wss"].contains(scheme) else {
            throw GraphicalConsoleConfigError("\(path).url \"\(text)\" must start with ws:// or wss://")
        }
        guard let host = url.host, !host.isEmpty else {
            throw GraphicalConsoleConfigError("\(path).url \"\(text)\" has no host")
        }
        guard url.user == nil, url.password == nil else {
            throw GraphicalConsoleConfigError("\(path).url must not contain credentials; use password or passwordFile")
        }
        if let port = url.port, !(1...65_535).contains(port) {
            throw GraphicalConsoleConfigError("\(path).url port \(port) is not a TCP port (1-65535)")
        }
    }
}
