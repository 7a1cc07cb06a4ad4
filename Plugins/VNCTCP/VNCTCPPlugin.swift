import Contracts
import Foundation
import Kernel
import RFB

/// `vnc-tcp`: graphical consoles of servers whose BMC speaks RFB over TCP. Serves
/// `GraphicalConsole.Attach`: logs in to the BMC's VNC server itself (None or VNC
/// Authentication with the configured password), then presents a plain RFB 3.8 server with
/// security type None on the duplex and relays.
public actor VNCTCPPlugin: Plugin {
    public static let id: PluginID = "vnc-tcp"
    public static let summary = "Graphical consoles over RFB/TCP: logs in to the BMC's VNC server, serves console.graphical.attach"

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
            guard !name.isEmpty else { throw GraphicalConsoleConfigError("servers[\(index)].name is empty") }
            guard targets[name] == nil else { throw GraphicalConsoleConfigError("servers[\(index)]: \(name) is listed twice") }
            guard !server.host.isEmpty else { throw GraphicalConsoleConfigError("servers[\(index)] (\(name)).host is empty") }
            guard (1...65_535).contains(server.port) else {
                throw GraphicalConsoleConfigError("servers[\(index)] (\(name)).port \(server.port) is not a TCP port (1-65535)")
            }
            let password = try VNCPasswordSource(
                password: server.password, passwordFile: server.passwordFile, at: "servers[\(index)] (\(name))", context: context
            )
            targets[name] = GraphicalConsoleTarget(transport: VNCTCPTransport(host: server.host, port: server.port), password: password)
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
            Inventory.Server(id: $0, capabilities: [.vncTCP], managedBy: instance.rawValue)
        })
        routes.answer(Inventory.List.self) { _, _ in inventory }
    }
}
