import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper program (a lab script, `pg_ctl`, `openssl`) to completion with its output in
/// a log file, reaped by `waitpid` on a thread of its own so no cooperative thread blocks.
/// (Foundation's `Process` missed the exit of children that daemonise, such as `pg_ctl start`
/// and `Scripts/lab up`: the test waited forever.)
public enum ChildProcess {
    /// A helper program could not be started or outlived its time.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// Runs `executable` with `arguments` (environment: this process's, overridden by
    /// `environment`), appending its output to `log`.
    /// - Returns: the exit status, or -1 when a signal ended it.
    /// - Throws: ``Failure`` when it cannot start or outlives `timeout` (then it gets SIGKILL).
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], log: String, timeout: Duration = .seconds(300)
    ) async throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))") }
        let child = pid
        let killer = Task {
            try await Task.sleep(for: timeout)
            kill(child, SIGKILL)
        }
        let status = await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            Thread.detachNewThread {
                var status: Int32 = 0
                while waitpid(child, &status, 0) == -1 && errno == EINTR {}
                continuation.resume(returning: status)
            }
        }
        let killedByTimer = !killer.isCancelled && status & 0x7f == SIGKILL
        killer.cancel()
        if killedByTimer { throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) did not finish within \(timeout)") }
        // WIFEXITED / WEXITSTATUS by hand: the macros are not imported into Swift.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : -1
    }
}
