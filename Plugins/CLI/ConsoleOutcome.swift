/// How a terminal console session ended: for good (`~.`, end of input, the console closed, a
/// refusal), or lost after it was live (the gateway's connection or the agent's link
/// dropped), which `server console` answers by connecting again.
enum ConsoleOutcome: Equatable, Sendable {
    case ended(String)
    case lost(String)
}
