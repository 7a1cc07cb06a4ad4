import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion without blocking the cooperative pool: spawned with
/// `posix_spawn` and reaped by `waitpid` on a thread of its own (Foundation's `Process` did not
/// report the exit of `Scripts/lab` inside the test runner). Output goes to a file that is
/// shown on failure.
enum ChildProcess {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `executable` with `arguments`; throws when it exits non-zero or outlives `timeout`
    /// (then it gets SIGKILL).
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:], timeout: Duration) async throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: output) }
        let pid = try spawn(executable, arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { $1 }, output: output.path)
        let killer = Task {
            try await Task.sleep(for: timeout)
            kill(pid, SIGKILL)
        }
        let status = await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            Thread.detachNewThread {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                continuation.resume(returning: status)
            }
        }
        let timedOut = killer.isCancelled == false && (status & 0x7f) == SIGKILL
        killer.cancel()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        let command = "\(executable) \(arguments.joined(separator: " "))"
        if timedOut { throw Failure(description: "\(command) did not finish within \(timeout):\n\(text.suffix(3000))") }
        let exited = (status & 0x7f) == 0
        let code = (status >> 8) & 0xff
        guard exited, code == 0 else {
            throw Failure(description: "\(command) ended with status \(exited ? "exit \(code)" : "signal \(status & 0x7f)"):\n\(text.suffix(3000))")
        }
        return text
    }

    private static func spawn(_ executable: String, _ arguments: [String], environment: [String: String], output: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard result == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(result)))") }
        return pid
    }
}
