import ArgumentParser

/// The CLI's exit codes, documented in `tether --help`.
public enum ExitStatus {
    public static let usage = ExitCode(2)
    /// Not logged in, or the login expired.
    public static let authentication = ExitCode(3)
    /// The server does not exist, or is not visible to you (another tenant's).
    public static let deniedOrNotFound = ExitCode(4)
    /// Your role does not allow this action on the server.
    public static let denied = ExitCode(6)
    /// The manager, gateway or agent cannot be reached.
    public static let unreachable = ExitCode(5)
    /// Anything else that failed.
    public static let failure = ExitCode(1)

    public static let help = """
        Exit codes: 0 ok, 1 failure, 2 usage or invalid manifest, 3 not logged in or login \
        expired (run `tether login`), 4 no such server (check `tether server list`), 5 manager, \
        gateway or agent unreachable, 6 denied (your role does not allow it).
        """
}
