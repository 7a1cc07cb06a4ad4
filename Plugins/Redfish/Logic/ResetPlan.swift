import Contracts

/// Which Redfish `ResetType`s carry out a ``Power/Action``, checked against what the
/// system allows. Pure: no I/O.
public enum ResetPlan: Sendable, Equatable {
    /// One `ComputerSystem.Reset` POST.
    case single(String)
    /// Power cycle on a BMC without `PowerCycle`: force off, wait for `Off`, then on.
    case offThenOn(off: String, on: String)

    /// The ResetTypes to try for an action, best first.
    static func candidates(for action: Power.Action) -> [String] {
        switch action {
        case .on: ["On", "ForceOn"]
        case .off: ["ForceOff"]
        case .cycle: ["PowerCycle"]
        case .reset: ["ForceRestart"]
        case .soft: ["GracefulShutdown"]
        }
    }

    /// - Parameter allowed: the system's allowable ResetTypes; nil when the BMC does not
    ///   list them (then the first candidate is sent and the BMC decides).
    /// - Throws: ``RedfishError/notAllowed(server:what:value:allowed:)``.
    public static func make(for action: Power.Action, allowed: [String]?, server: String) throws(RedfishError) -> ResetPlan {
        let candidates = candidates(for: action)
        guard let allowed else { return .single(candidates[0]) }
        if let type = candidates.first(where: allowed.contains) { return .single(type) }
        if action == .cycle, allowed.contains("ForceOff"), let on = ["On", "ForceOn"].first(where: allowed.contains) {
            return .offThenOn(off: "ForceOff", on: on)
        }
        throw .notAllowed(
            server: server, what: "power \(action.rawValue) as ResetType", value: candidates.joined(separator: " or "), allowed: allowed)
    }

    /// Checks a raw ResetType against the allowable values.
    public static func check(_ resetType: String, allowed: [String]?, server: String) throws(RedfishError) {
        guard let allowed, !allowed.contains(resetType) else { return }
        throw .notAllowed(server: server, what: "ResetType", value: resetType, allowed: allowed)
    }
}
