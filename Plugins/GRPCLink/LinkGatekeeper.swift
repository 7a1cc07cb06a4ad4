import Contracts
import Kernel

/// Decides whether a dialler's hello may link: the static rules of ``LinkAdmission``, then,
/// for an enrolment token, an offline check by this node's `auth` plugin
/// (`auth.verify-enrolment`: signature with the manager's keys, `typ: enrol`, not expired,
/// `sub` the claimed node, `aud` this node).
struct LinkGatekeeper: Sendable {
    let admission: LinkAdmission
    let bus: Bus
    /// How long the `auth` plugin may take (a first JWKS fetch included).
    let timeout: Duration

    /// Admits the hello: nil when a static token matched, the enrolment when an enrolment
    /// token did.
    func admit(node: String, credential: String) async throws(LinkRefusal) -> Auth.Enrolment? {
        switch admission.decision(node: node, credential: credential) {
        case .admit:
            return nil
        case .refuse(let reason):
            throw LinkRefusal(reason)
        case .verifyEnrolment:
            let enrolment: Auth.Enrolment
            do {
                enrolment = try await bus.ask(
                    Auth.VerifyEnrolment(token: credential, node: node, gateway: bus.node.rawValue), to: .node(bus.node), timeout: timeout)
            } catch BusError.remote(let code, let message) where code == "unauthenticated" {
                throw LinkRefusal(message, enrolment: true)
            } catch BusError.noRoute {
                throw LinkRefusal(
                    "enrolment tokens cannot be checked: this node runs no auth plugin (auth.verify-enrolment)", enrolment: true, unverifiable: true)
            } catch {
                throw LinkRefusal("the enrolment token cannot be checked now: \(error)", enrolment: true, unverifiable: true)
            }
            // What auth verified must be exactly what was asked (defence in depth).
            guard enrolment.node == node, enrolment.gateway == bus.node.rawValue else {
                throw LinkRefusal("enrolment token refused: issued for node \(enrolment.node) at \(enrolment.gateway)", enrolment: true)
            }
            return enrolment
        }
    }
}
