import Kernel

/// The `/ready` body: one line per instance, in manifest order.
struct ReadinessReport {
    let status: NodeStatus

    var text: String {
        let lines = status.snapshot.map { "\($0.instance) \($0.state) restarts=\($0.restarts)" }
        return (status.isReady ? "ready\n" : "not ready\n") + lines.joined(separator: "\n") + "\n"
    }
}
