import Foundation
import NIOCore
import NIOPosix

/// Where this process runs its Swift tasks: on NIO's event loops (the default), or on the
/// runtime's own thread pool (`TETHER_EXECUTOR=dispatch`).
///
/// On the event loops a task that writes to a connection does so on the connection's own
/// thread, and a read that resumes a task needs no thread switch: a link ask costs one
/// context switch per process instead of four to five, 15 % less CPU and latency, and link
/// byte streams run 1.2-1.7x faster (`tether bench link`, issue 3). Code that blocks a thread would stall that loop's I/O;
/// tether does its blocking work (SQLite, the keyboard) on dedicated threads.
enum ConcurrencyExecutor {
    /// The environment variable that chooses: `event-loop` (default) or `dispatch`.
    static let variable = "TETHER_EXECUTOR"

    /// Installs the choice; call first thing in `main`, before any task is started.
    static func install(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard environment[variable] != "dispatch" else { return }
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
