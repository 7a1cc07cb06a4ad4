import Synchronization

/// OTP's restart intensity: at most `intensity` restarts within `period`, counted over the
/// whole node. Spending beyond it throws, which stops the process.
public final class RestartBudget: Sendable {
    private let intensity: Int
    private let period: Duration
    private let restarts = Mutex<[ContinuousClock.Instant]>([])

    public init(intensity: Int, period: Duration) {
        self.intensity = intensity
        self.period = period
    }

    /// Records one restart.
    /// - Throws: ``SupervisionError/restartBudgetExceeded(instance:restarts:periodSeconds:lastError:)``
    public func spend(for instance: PluginID, after error: any Error) throws(SupervisionError) {
        let now = ContinuousClock.now
        let count: Int = restarts.withLock { restarts in
            restarts.removeAll { now - $0 > period }
            restarts.append(now)
            return restarts.count
        }
        if count > intensity {
            throw .restartBudgetExceeded(
                instance: instance, restarts: count, periodSeconds: Double(period.components.seconds), lastError: String(describing: error))
        }
    }
}
