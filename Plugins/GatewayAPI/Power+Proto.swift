import Contracts
import TetherAPIProto

extension Power.Action {
    /// - Throws: ``GatewayError`` 400 for an unset or unknown action.
    init(proto: Tether_V1_PowerAction) throws {
        switch proto {
        case .on: self = .on
        case .off: self = .off
        case .cycle: self = .cycle
        case .reset: self = .reset
        case .soft: self = .soft
        case .unspecified, .UNRECOGNIZED:
            throw GatewayError.badRequest("action: set one of POWER_ACTION_ON, _OFF, _CYCLE, _RESET, _SOFT")
        }
    }
}

extension Tether_V1_PowerAction {
    init(_ action: Power.Action) {
        switch action {
        case .on: self = .on
        case .off: self = .off
        case .cycle: self = .cycle
        case .reset: self = .reset
        case .soft: self = .soft
        }
    }
}

extension Tether_V1_PowerState {
    init(_ state: Power.State) {
        switch state {
        case .on: self = .on
        case .off: self = .off
        case .unknown: self = .unknown
        }
    }
}
