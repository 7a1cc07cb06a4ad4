/// Where one plugin instance is in its life.
public enum InstanceState: Sendable, Equatable, CustomStringConvertible {
    case starting
    case running
    case restarting(attempt: Int, reason: String)
    case stopped
    case failed(reason: String)

    public var description: String {
        switch self {
        case .starting: "starting"
        case .running: "running"
        case .restarting(let attempt, let reason): "restarting (attempt \(attempt)): \(reason)"
        case .stopped: "stopped"
        case .failed(let reason): "failed: \(reason)"
        }
    }
}
