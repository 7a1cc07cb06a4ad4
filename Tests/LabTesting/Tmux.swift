import Foundation
import KernelTesting
#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server (its own socket) with one session running a clean bash, driven
/// with send-keys and read with capture-pane.
public struct Tmux: Sendable {
    public static let path = "/usr/bin/tmux"
    public static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    public let socket: String
    public let session = "cli"

    /// Starts bash in an 160x40 pane with `environment`; always kills the server afterwards.
    public static func with<T>(environment: [String: String], _ body: (Tmux) async throws -> T) async throws -> T {
        let tmux = Tmux(socket: "tether-cli-\(UUID().uuidString.prefix(8))")
        let exports = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let status = try tmux.spawnServer(["new-session", "-d", "-s", tmux.session, "-x", "160", "-y", "40", "env -i \(exports) bash --norc --noprofile"])
        guard status == 0 else { throw LabFailure("tmux new-session failed (\(status))") }
        defer {
            if let killer = try? tmux.start(["kill-server"]) { _ = Self.reap(killer) }
            unlink("/tmp/tmux-\(getuid())/\(tmux.socket)")
        }
        return try await body(tmux)
    }

    public static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }

    /// Types `text` literally (no key-name lookup), then Enter when asked.
    public func type(_ text: String, enter: Bool = false) throws {
        try run(["send-keys", "-t", session, "-l", text])
        if enter { try run(["send-keys", "-t", session, "Enter"]) }
    }

    public func enter() throws { try run(["send-keys", "-t", session, "Enter"]) }

    /// The pane's text, with the scrollback (lines joined where they wrapped).
    public func screen() throws -> String { try run(["capture-pane", "-p", "-J", "-S", "-200", "-t", session]) }

    /// Blocks until some shell command runs `tmux wait-for -S channel` (the signal), bounded by the caller's timeout.
    public func waitFor(channel: String, timeout: Duration) async throws {
        let process = try start(["wait-for", channel])
        let killer = Task {
            try await Task.sleep(for: timeout)
            // SIGKILL: the client inherits the test runner's blocked SIGTERM, so terminate() does nothing.
            kill(process.processIdentifier, SIGKILL)
        }
        defer { killer.cancel() }
        let status = await Task.detached { Self.reap(process) }.value
        guard status == 0 else {
            throw LabFailure("no tmux wait-for signal on \(channel) within \(timeout); screen:\n\((try? screen()) ?? "")")
        }
    }

    /// Polls the pane (there is no push signal for pane contents) every 100 ms until `condition` holds.
    public func waitForScreen(_ what: String, timeout: Duration, _ condition: (String) -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        var last = ""
        for _ in 0..<10_000 where ContinuousClock.now < deadline {
            last = try screen()
            if condition(last) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw LabFailure("no \(what) on the screen within \(timeout); screen:\n\(last)")
    }

    @discardableResult
    public func run(_ arguments: [String]) throws -> String {
        let process = try start(arguments, output: true)
        let data = (process.standardOutput as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        let status = Self.reap(process)
        guard status == 0 else { throw LabFailure("tmux \(arguments.first ?? "") failed (\(status))") }
        return String(decoding: data, as: UTF8.self)
    }

    /// Waits for a tmux client with waitpid: Foundation's child monitor was seen to miss the
    /// exit of a client whose server daemonized, leaving waitUntilExit() on a zombie.
    public static func reap(_ process: Process) -> Int32 {
        var status: Int32 = 0
        var reaped: pid_t = -1
        repeat { reaped = waitpid(process.processIdentifier, &status, 0) } while reaped == -1 && errno == EINTR
        guard reaped == process.processIdentifier else {
            process.waitUntilExit()  // Foundation reaped it first.
            return process.terminationStatus
        }
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Starts the tmux server with default signal handling and nothing blocked: it would
    /// otherwise inherit the test runner's blocked signals (SIGCHLD, SIGHUP, SIGTERM) and
    /// never notice its panes ending, nor end itself on kill-server. No output pipe: the
    /// daemon would keep it open.
    private func spawnServer(_ arguments: [String]) throws -> Int32 {
        let pid = try ChildProcess.spawn(Self.path, ["-L", socket, "-f", "/dev/null"] + arguments, defaultSignals: true)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    private func start(_ arguments: [String], output: Bool = false) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.path)
        process.arguments = ["-L", socket, "-f", "/dev/null"] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output ? Pipe() : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
