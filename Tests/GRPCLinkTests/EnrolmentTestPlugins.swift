import Contracts
import Kernel
import KernelTesting

/// Stands in for `auth` on a gateway: an enrolment token `e30.NODE.GATEWAY` is valid for
/// NODE at GATEWAY, `e30.lie.GATEWAY` is "verified" for another node (a faulty verifier the
/// link must not trust), `e30.down.x` finds the keys unavailable; anything else is refused.
struct StubEnrolmentAuthPlugin: Plugin {
    static let id: PluginID = "auth"

    struct Refused: CodedError {
        let code: String
        let message: String
    }

    init(config: NoConfig, context: PluginContext) throws {}

    func routes(_ routes: inout Routes) {
        routes.answer(Auth.VerifyEnrolment.self) { request, _ in
            let parts = request.token.split(separator: ".").map(String.init)
            guard parts.count == 3 else { throw Refused(code: "unauthenticated", message: "enrolment token refused: malformed token") }
            switch parts[1] {
            case "lie":
                return Auth.Enrolment(node: "someone-else", gateway: request.gateway, expiresAt: 4_000_000_000, tokenID: "jti-lie")
            case "down":
                throw Refused(code: "unavailable", message: "the manager's keys cannot be fetched: connection refused")
            case request.node where parts[2] == request.gateway:
                return Auth.Enrolment(node: request.node, gateway: request.gateway, expiresAt: 4_000_000_000, tokenID: "jti-\(request.node)")
            case request.node:
                throw Refused(code: "unauthenticated", message: "enrolment token refused: wrong audience: meant for gateway \(parts[2])")
            default:
                throw Refused(code: "unauthenticated", message: "enrolment token refused: wrong node: issued for node \(parts[1])")
            }
        }
    }
}

/// Stands in for `routing`'s audit relay: keeps what this node's plugins record in ``inbox``.
struct AuditRelayPlugin: Plugin {
    static let id: PluginID = "routing"
    /// Every node's records.
    static let inbox = NodeInbox<AuditTrail.Event>()
    let node: NodeID

    init(config: NoConfig, context: PluginContext) throws {
        node = context.node
    }

    func routes(_ routes: inout Routes) {
        let node = node
        routes.handle(AuditTrail.Record.self) { record, _ in Self.inbox.append(record.event, on: node) }
    }
}
