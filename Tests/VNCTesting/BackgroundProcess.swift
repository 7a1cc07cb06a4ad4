import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A helper program that runs next to a test (websockify), started with `ExternalProcess`'s
/// spawn rules and stopped by its PID.
public final class BackgroundProcess: Sendable {
    public let pid: pid_t
    let outputPath: String
    private let exit: Task<Int32, Never>

    /// Starts `executable`; its stdout and stderr go to a file in `directory`.
    public init(_ executable: String, _ arguments: [String], directory: URL) throws {
        let input = directory.appendingPathComponent("\(UUID().uuidString.prefix(8)).stdin").path
        outputPath = directory.appendingPathComponent("\(URL(fileURLWithPath: executable).lastPathComponent).log").path
        try Data().write(to: URL(fileURLWithPath: input))
        let pid = try ExternalProcess.spawn(executable, arguments, stdin: input, output: outputPath)
        self.pid = pid
        exit = Task { await ExternalProcess.waitForExit(pid) }
    }

    /// What the program printed so far.
    public var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    /// SIGTERM, then SIGKILL if it has not exited within 5 s; returns its exit status.
    @discardableResult
    public func stop() async -> Int32 {
        kill(pid, SIGTERM)
        let pid = self.pid
        let killer = Task {
            try await Task.sleep(for: .seconds(5))
            kill(pid, SIGKILL)
        }
        let status = await exit.value
        killer.cancel()
        return status
    }
}
