import ArgumentParser

/// The CLI's exit codes, documented in `tether --help`.
public enum ExitStatus {
    public static let usage = ExitCode(2)
    /// Not logged in, or the login expired.
    public static let authentication = ExitCode(3)
    /// Denied, or the server does not exist (for you).
    public static let deniedOrNotFound = ExitCode(4)
    /// The manager, gateway or agent cannot be reached.
    public static let unreachable = ExitCode(5)
    /// Anything else that failed.
    public static let failure = ExitCode(1)

    public static let help = """
        Exit codes: 0 ok, 1 failure, 2 usage or invalid manifest, 3 not logged in or login \
        expired, 4 denied or not found, 5 manager, gateway or agent unreachable.
        """
}
