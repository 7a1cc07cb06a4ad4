/// Why the supervisor gave up.
public enum SupervisionError: Error, Sendable, CustomStringConvertible {
    /// Too many restarts too quickly: the process stops non-zero.
    case restartBudgetExceeded(instance: PluginID, restarts: Int, periodSeconds: Double, lastError: String)
    /// A permanent plugin's `run()` returned while the node was not shutting down.
    case unexpectedReturn(instance: PluginID)

    public var description: String {
        switch self {
        case .restartBudgetExceeded(let instance, let restarts, let period, let lastError):
            "\(instance) needed \(restarts) restarts within \(Int(period)) s (last error: \(lastError)); giving up"
        case .unexpectedReturn(let instance):
            "\(instance) stopped on its own"
        }
    }
}
