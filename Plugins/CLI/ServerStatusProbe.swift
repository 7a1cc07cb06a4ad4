import Contracts
import Foundation

/// Asks each server's gateway for its power state, a few servers at a time (`server list --status`).
struct ServerStatusProbe {
    let client: ManagerClient
    let login: LoginSession
    let explicitGateway: String?

    /// Servers asked at once.
    static let parallelism = 8

    func statuses(of rows: [ServerListing]) async -> [ServerListing] {
        await withTaskGroup(of: (Int, String).self) { group in
            var result = rows
            var next = 0
            func start() {
                guard next < rows.count else { return }
                let index = next
                let id = rows[index].id
                group.addTask { (index, await status(of: id)) }
                next += 1
            }
            for _ in 0..<Self.parallelism { start() }
            while let (index, status) = await group.next() {
                result[index].status = status
                start()
            }
            return result
        }
    }

    /// `on`, `off`, `unknown`, or `unreachable` for anything that kept the answer from coming.
    func status(of server: String) async -> String {
        do {
            let token = try await LoginSession.sessionToken(for: server, actions: ["view"], client: client)
            let gateway = GatewayClient(base: try login.gatewayURL(explicit: explicitGateway, for: token), token: token.token.token)
            let reply = try await gateway.call("GET", "v1/servers/\(server)/power", as: Power.Status.Reply.self)
            return reply.state.rawValue
        } catch {
            return "unreachable"
        }
    }
}
