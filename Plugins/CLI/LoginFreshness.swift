/// Whether a stored login can be used as is, should be refreshed first, or has expired
/// (pure: the caller passes the clock).
enum LoginFreshness: Equatable {
    case fresh
    /// Less than `margin` seconds left: refresh before using it.
    case refresh
    case expired

    /// Refresh this long before the login token expires, so a request never races its expiry.
    static let defaultMargin: Int64 = 60

    static func of(expiresAt: Int64?, now: Int64, margin: Int64 = defaultMargin) -> LoginFreshness {
        guard let expiresAt else { return .fresh }
        if expiresAt <= now { return .expired }
        return expiresAt - now < margin ? .refresh : .fresh
    }
}
