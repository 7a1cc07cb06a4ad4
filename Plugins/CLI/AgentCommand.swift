import ArgumentParser

/// `tether agent ...`: enrolling agents (superadmins).
public struct AgentCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Enrol agents (tokens that let an agent link to its gateway) and revoke them.",
        discussion: ExitStatus.help,
        subcommands: [AgentEnrolmentTokenCommand.self, AgentRevokeCommand.self])

    public init() {}
}
