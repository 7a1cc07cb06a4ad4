import Contracts

/// What an admitted console upgrade carries into its session.
struct ConsoleTicket: Sendable {
    let server: String
    let principal: Auth.Principal
    /// The subprotocol to answer with, if the client offered one.
    let subprotocol: String?
}
