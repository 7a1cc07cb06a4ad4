import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a command to completion with its output appended to a log file, waiting on a
/// dedicated thread with `waitpid`. (Foundation's `Process` missed the exit of `runuser
/// pg_ctl start` here: its child daemonises the server, and the exit was never reported.)
enum ChildProcess {
    static func run(_ executable: String, _ arguments: [String], log: String) async throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw PostgresTestServerError(reason: "cannot start \(executable): errno \(spawned)") }
        let child = pid
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var status: Int32 = 0
                while waitpid(child, &status, 0) == -1 && errno == EINTR {}
                // WIFEXITED / WEXITSTATUS by hand: the macros are not imported into Swift.
                let exited = status & 0x7f == 0
                continuation.resume(returning: exited ? (status >> 8) & 0xff : -1)
            }
        }
    }
}
