/// What a console client shows about its session.
enum ConsoleState: String, Sendable {
    case live
    case agentOffline = "agent-offline"
    case expired
}
