import Contracts
import Kernel

extension Authorizer {
    /// The principal the session cookie `id` stands for (through `session.resolve`), when
    /// the session is for `server` and its kind fits `action`: a serial session opens only the
    /// serial console, a vnc session only the graphical one; either may use the server's REST
    /// endpoints its principal allows.
    /// - Throws: ``GatewayError`` 401 for an unknown, ended or expired session, 403 for
    ///   another server or console type, 503 without a `session` plugin.
    func sessionPrincipal(_ id: String, action: Auth.Action?, server: String?) async throws -> Auth.Principal {
        guard !id.isEmpty, id.utf8.count <= 64 else {
            throw GatewayError.unauthenticated("the session cookie is malformed; open a new viewer link")
        }
        let resolved: Session.Resolve.Reply
        do {
            resolved = try await bus.ask(Session.Resolve(id: id), timeout: timeout)
        } catch BusError.remote("unauthenticated", let message) {
            throw GatewayError.unauthenticated(message)
        } catch BusError.noRoute {
            throw GatewayError(
                status: .serviceUnavailable, code: "unavailable",
                message: "session cookies need the session plugin on this gateway; send \"Authorization: Bearer <token>\" instead")
        } catch {
            throw GatewayError(
                status: .serviceUnavailable, code: "unavailable",
                message: "the session cannot be checked right now (\(GatewayError.from(error, asking: Session.Resolve.topic).message)); retry shortly")
        }
        let session = resolved.session
        if let server, session.server != server {
            throw GatewayError.denied("this console session is for \(session.server), not \(server)")
        }
        if let action, let required = Self.sessionKind(for: action), required != session.kind {
            throw GatewayError.denied("this is a \(session.kind.rawValue) console session; it cannot open the \(required.rawValue) console")
        }
        return resolved.principal
    }

    /// The session kind an action is bound to; nil for actions any session may use.
    static func sessionKind(for action: Auth.Action) -> Session.Kind? {
        switch action {
        case .console: .serial
        case .vnc: .vnc
        case .power, .view, .proxy: nil
        }
    }
}
