import Synchronization

/// Every child process `tether bench link` started, so all of them are stopped by PID at the
/// end, on an error, and by the watchdog.
final class LinkBenchChildren: Sendable {
    private let started = Mutex<[LinkBenchChild]>([])

    init() {}

    func add(_ child: LinkBenchChild) { started.withLock { $0.append(child) } }

    /// Stops every child, last started first.
    func stopAll() async {
        let children = started.withLock { children in
            defer { children.removeAll() }
            return children
        }
        for child in children.reversed() { await child.stop() }
    }
}
