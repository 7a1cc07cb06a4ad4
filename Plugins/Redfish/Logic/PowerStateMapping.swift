import Contracts

/// Redfish `PowerState` to ``Power/State``.
public enum PowerStateMapping {
    /// `On` and `Paused` are on, `Off` is off, transitions and absence are unknown.
    public static func state(_ powerState: String?) -> Power.State {
        switch powerState {
        case "On", "Paused": .on
        case "Off": .off
        default: .unknown  // PoweringOn, PoweringOff, absent
        }
    }
}
