import Contracts
import Kernel

/// Decides whether a dialler's hello may link: the static rules of ``LinkAdmission``, then,
/// for what the manager issued, this node's `auth` plugin and the manager:
///
/// - the agent's own credential with its proof: checked offline (`auth.verify-agent`:
///   signature with the manager's keys, `typ: agent`, `sub` the claimed node, not revoked, the
///   proof signed by the credential's key for this gateway and about now);
/// - an enrolment token with the agent's public key: checked offline first
///   (`auth.verify-enrolment`), then redeemed, once, at the manager (`auth.redeem-enrolment`,
///   asked `.nearest`: over the gateway's own link) for the agent's credential.
struct LinkGatekeeper: Sendable {
    let admission: LinkAdmission
    let bus: Bus
    /// How long `auth` or the manager may take (a first JWKS fetch included).
    let timeout: Duration

    /// Admits the hello, or throws why not. `source` is the dialler's address, for the audit.
    func admit(_ hello: WireHello, source: String) async throws(LinkRefusal) -> LinkAdmitted {
        switch admission.decision(node: hello.node, credential: hello.credential) {
        case .admit:
            return .staticToken(hello.credential)
        case .refuse(let reason):
            throw LinkRefusal(reason)
        case .verifyWithAuth where !hello.proof.isEmpty:
            let identity = try await ask(
                Auth.VerifyAgentCredential(
                    credential: hello.credential, node: hello.node, gateway: bus.node.rawValue, timestamp: hello.timestamp, proof: hello.proof),
                to: .node(bus.node), what: "the agent credential", enrolment: false)
            guard identity.node == hello.node else {
                throw LinkRefusal("agent credential refused: issued for node \(identity.node)")
            }
            return .agent(identity)
        case .verifyWithAuth:
            return try await redeem(hello, source: source)
        }
    }

    private func redeem(_ hello: WireHello, source: String) async throws(LinkRefusal) -> LinkAdmitted {
        guard !hello.publicKey.isEmpty else {
            throw LinkRefusal(
                "enrolment token refused: it is redeemed once for the agent's own credential, which needs the agent's key: set identityFile on the agent's link",
                enrolment: true)
        }
        let enrolment = try await ask(
            Auth.VerifyEnrolment(token: hello.credential, node: hello.node, gateway: bus.node.rawValue),
            to: .node(bus.node), what: "the enrolment token", enrolment: true)
        // What auth verified must be exactly what was asked (defence in depth).
        guard enrolment.node == hello.node, enrolment.gateway == bus.node.rawValue else {
            throw LinkRefusal("enrolment token refused: issued for node \(enrolment.node) at \(enrolment.gateway)", enrolment: true)
        }
        let credential = try await ask(
            Auth.RedeemEnrolment(token: hello.credential, node: hello.node, gateway: bus.node.rawValue, publicKey: hello.publicKey, source: source),
            to: .nearest, what: "the enrolment token", enrolment: true)
        guard credential.node == hello.node else {
            throw LinkRefusal("enrolment refused: the manager issued a credential for node \(credential.node)", enrolment: true)
        }
        return .enrolled(credential, enrolmentTokenID: enrolment.tokenID)
    }

    /// Asks `auth` or the manager; a refusal keeps its reason, anything that could not be
    /// asked is `unverifiable` (the dialler retries).
    private func ask<R: Request>(_ request: R, to destination: Destination, what: String, enrolment: Bool) async throws(LinkRefusal) -> R.Reply {
        do {
            return try await bus.ask(request, to: destination, timeout: timeout)
        } catch BusError.remote(let code, let message) where code != "unavailable" && code != "internal" {
            throw LinkRefusal(message, enrolment: enrolment)
        } catch BusError.noRoute {
            throw LinkRefusal("\(what) cannot be checked: this node runs no auth plugin (\(R.topic))", enrolment: enrolment, unverifiable: true)
        } catch {
            throw LinkRefusal("\(what) cannot be checked now: \(error)", enrolment: enrolment, unverifiable: true)
        }
    }
}
