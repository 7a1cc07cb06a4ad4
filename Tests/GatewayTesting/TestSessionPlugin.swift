import Contracts
import Foundation
import Kernel

/// Stands in for the `session` plugin: the session IDs `admin-lab-01` (a serial session) and
/// `vnc-lab-01` (a vnc session) are alice's live sessions on lab-01; every other ID is unknown.
package struct TestSessionPlugin: Plugin {
    package static let id: PluginID = "test-session"

    package struct Gone: CodedError {
        package var code: String { "unauthenticated" }
        package var message: String { "the console session is unknown, ended or expired" }
    }

    package init(config: NoConfig, context: PluginContext) {}

    package static let kinds: [String: (Session.Kind, [Auth.Action])] = [
        "admin-lab-01": (.serial, [.power, .console, .view]),
        "vnc-lab-01": (.vnc, [.vnc, .view]),
    ]

    package static func resolve(_ id: String) throws -> Session.Resolve.Reply {
        guard let (kind, actions) = kinds[id] else { throw Gone() }
        let hour = Int64(Date().timeIntervalSince1970) + 3600
        let info = Session.Info(id: id, server: "lab-01", kind: kind, subject: "alice", createdAt: hour - 3600, expiresAt: hour)
        let principal = Auth.Principal(subject: "alice", tenant: "t1", server: "lab-01", actions: actions, expiresAt: hour)
        return .init(session: info, token: id, principal: principal)
    }

    package func routes(_ routes: inout Routes) {
        routes.answer(Session.Resolve.self) { request, _ in try Self.resolve(request.id) }
        routes.answer(Session.Refresh.self) { request, _ in try Self.resolve(request.id).session }
    }
}
