import Kernel
import Testing

/// Asks with a timeout that suits a shared 2-core machine.
func ask<R: Request>(_ node: RoleRunner, _ request: R) async throws -> R.Reply {
    try await node.bus.ask(request, timeout: .seconds(60))
}

/// Asks and expects a remote error; returns its code and message.
func askFailing<R: Request>(
    _ node: RoleRunner, _ request: R, sourceLocation: SourceLocation = #_sourceLocation
) async throws -> (code: String, message: String) {
    do {
        let reply = try await node.bus.ask(request, timeout: .seconds(60))
        Issue.record("expected \(R.topic) to fail, got \(reply)", sourceLocation: sourceLocation)
        return ("", "")
    } catch BusError.remote(let code, let message) {
        return (code, message)
    }
}
