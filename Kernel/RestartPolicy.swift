/// When the supervisor rebuilds an instance (OTP's words).
public enum RestartPolicy: String, Sendable, Codable, CaseIterable {
    /// Always: after a failure, and after an unexpected return.
    case permanent
    /// Only after a failure.
    case transient
    /// Never.
    case temporary
}
