import Contracts
import Foundation
import Kernel

/// Stands in for `session`: one serial session `S` of lab-01 whose viewer code is `good`
/// (once); `gone` is an ended one.
actor TestSessionPlugin: Plugin {
    static let id: PluginID = "test-session"
    static let session = "SessionIDAAAAAAAAAAAAA"

    struct Gone: CodedError {
        var code: String { "unauthenticated" }
        var message: String { "the console session is unknown, ended or expired" }
    }

    var redeemed = false

    init(config: NoConfig, context: PluginContext) {}

    static var info: Session.Info {
        let now = Int64(Date().timeIntervalSince1970)
        return .init(id: session, server: "lab-01", kind: .serial, subject: "alice", createdAt: now, expiresAt: now + 120)
    }

    func redeem(_ request: Session.Redeem) throws -> Session.Info {
        guard request.session == Self.session, request.code == "good", !redeemed else { throw Gone() }
        redeemed = true
        return Self.info
    }

    nonisolated func routes(_ routes: inout Routes) {
        routes.answer(Session.Redeem.self) { request, _ in try await self.redeem(request) }
        routes.answer(Session.Resolve.self) { request, _ in
            guard request.id == Self.session else { throw Gone() }
            let principal = Auth.Principal(subject: "alice", tenant: "t", server: "lab-01", actions: [.console, .view], expiresAt: Self.info.expiresAt)
            return .init(session: Self.info, token: "the-secret-token", principal: principal)
        }
        routes.answer(Session.Refresh.self) { request, _ in
            guard request.id == Self.session else { throw Gone() }
            return Self.info
        }
    }
}
