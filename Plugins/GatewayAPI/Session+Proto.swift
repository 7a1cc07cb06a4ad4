import Contracts
import TetherAPIProto

extension Session.Kind {
    /// - Throws: ``GatewayError`` 400 for an unset or unknown kind.
    init(proto: Tether_V1_ConsoleKind) throws {
        switch proto {
        case .serial: self = .serial
        case .vnc: self = .vnc
        case .unspecified, .UNRECOGNIZED:
            throw GatewayError.badRequest("kind: set CONSOLE_KIND_SERIAL or CONSOLE_KIND_VNC")
        }
    }
}

extension Tether_V1_ConsoleKind {
    init(_ kind: Session.Kind) {
        switch kind {
        case .serial: self = .serial
        case .vnc: self = .vnc
        }
    }
}
