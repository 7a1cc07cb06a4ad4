#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Puts the terminal in raw mode for a console session and restores it on every exit path:
/// normal return, thrown error, and SIGTERM / SIGHUP / SIGQUIT (the handler restores, then
/// re-raises the signal with its default action).
public final class TerminalRawMode: Sendable {
    private static let saved = Mutex<termios?>(nil)
    private let fd: Int32

    /// Enters raw mode on `fd` (standard input); does nothing when `fd` is not a terminal.
    public init(fd: Int32 = STDIN_FILENO) {
        self.fd = fd
        guard isatty(fd) == 1 else { return }
        var original = termios()
        guard tcgetattr(fd, &original) == 0 else { return }
        Self.saved.withLock { $0 = original }
        for signal in [SIGTERM, SIGHUP, SIGQUIT] {
            Glibc.signal(signal) { received in
                TerminalRawMode.restoreSaved()
                Glibc.signal(received, SIG_DFL)
                raise(received)
            }
        }
        var raw = original
        cfmakeraw(&raw)
        tcsetattr(fd, TCSANOW, &raw)
    }

    /// Whether standard input is a terminal.
    public static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 }

    /// Restores the terminal as it was.
    public func restore() {
        Self.restoreSaved()
    }

    private static func restoreSaved() {
        guard var original = saved.withLock({ $0 }) else { return }
        tcsetattr(STDIN_FILENO, TCSANOW, &original)
    }

    deinit { restore() }
}
