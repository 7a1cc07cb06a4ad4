import Contracts

/// What an admitted console carries into its session.
struct ConsoleTicket: Sendable {
    let server: String
    let principal: Auth.Principal
    /// The subprotocol to answer with, if the client offered one.
    let subprotocol: String?
    /// The console session whose cookie admitted it, kept alive while the console is open.
    var sessionID: String? = nil
    /// The client's address, for the audit log.
    var source: String? = nil
    /// Observe only: typed bytes are dropped with an error message.
    var readOnly = false
    /// Take the console over from whoever holds it on the BMC.
    var force = false
    /// The console's ID on this gateway, told to a gRPC client and logged.
    var consoleID: String? = nil
    /// What carries the console to the client (`websocket`, `grpc`), logged when it opens.
    var transport = "websocket"
}
