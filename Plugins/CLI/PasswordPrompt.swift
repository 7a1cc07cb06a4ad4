import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Reads a password from the controlling terminal with echo off; echo comes back on every
/// exit path, Ctrl-C and SIGTERM / SIGHUP / SIGQUIT included (the handler restores, then
/// re-raises the signal with its default action).
enum PasswordPrompt {
    private static let saved = Mutex<(fd: Int32, attributes: termios)?>(nil)

    /// Longest password read; a longer line is refused rather than silently cut.
    static let maximumLength = 1024

    static func read(prompt: String) throws -> String {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else {
            throw CLIError.usage("no terminal to ask for the password: pass it on standard input with --password-stdin")
        }
        defer { close(fd) }
        var original = termios()
        guard tcgetattr(fd, &original) == 0 else { throw CLIError.usage("cannot read the terminal settings: use --password-stdin") }
        saved.withLock { $0 = (fd, original) }
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            Glibc.signal(signal) { received in
                PasswordPrompt.restore()
                Glibc.signal(received, SIG_DFL)
                raise(received)
            }
        }
        defer {
            restore()
            saved.withLock { $0 = nil }
            for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { Glibc.signal(signal, SIG_DFL) }
        }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        silent.c_lflag |= tcflag_t(ECHONL)
        tcsetattr(fd, TCSAFLUSH, &silent)
        _ = prompt.withCString { write(fd, $0, strlen($0)) }
        let bytes = readLine(fd: fd)
        guard bytes.count <= maximumLength else { throw CLIError.usage("the password is longer than \(maximumLength) bytes") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The first line of standard input, without its line break (`--password-stdin`).
    static func readStandardInput() throws -> String {
        let bytes = readLine(fd: STDIN_FILENO)
        guard bytes.count <= maximumLength else { throw CLIError.usage("the password is longer than \(maximumLength) bytes") }
        guard !bytes.isEmpty else { throw CLIError.usage("--password-stdin: standard input holds no password") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Bytes up to the first line break or the end (at most `maximumLength + 1`).
    private static func readLine(fd: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while bytes.count <= maximumLength {
            let count = Glibc.read(fd, &byte, 1)
            if count <= 0 || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            bytes.append(byte)
        }
        return bytes
    }

    private static func restore() {
        guard let (fd, attributes) = saved.withLock({ $0 }) else { return }
        var original = attributes
        tcsetattr(fd, TCSAFLUSH, &original)
    }
}
