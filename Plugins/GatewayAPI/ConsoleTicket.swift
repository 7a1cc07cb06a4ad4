import Contracts

/// What an admitted console upgrade carries into its session.
struct ConsoleTicket: Sendable {
    let server: String
    let principal: Auth.Principal
    /// The subprotocol to answer with, if the client offered one.
    let subprotocol: String?
    /// The console session whose cookie admitted it, kept alive while the console is open.
    var sessionID: String? = nil
    /// The client's address, for the audit log.
    var source: String? = nil
}
