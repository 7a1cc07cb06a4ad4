/// How hard the node tries before giving up: more than `intensity` restarts within
/// `periodSeconds` stops the process non-zero, for systemd or Kubernetes to take over.
public struct SupervisionPolicy: Sendable, Equatable {
    public var intensity = 5
    public var periodSeconds = 30.0
    /// The first restart delay; each later one doubles, with ±20% jitter.
    public var backoffInitialMilliseconds = 200
    public var backoffMaximumSeconds = 30.0
    /// How long graceful shutdown may take before the remaining plugins are cancelled.
    public var shutdownTimeoutSeconds = 10.0

    public init() {}

    static let keys = ["intensity", "periodSeconds", "backoffInitialMilliseconds", "backoffMaximumSeconds", "shutdownTimeoutSeconds"]
}
