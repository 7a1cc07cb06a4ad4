import Contracts
import Foundation
import Kernel

/// Stands in for the `auth` plugin in front of a gateway: `view-SERVER` tokens may view
/// that one server; anything else is not a valid token.
struct TableAuthPlugin: Plugin {
    static let id: PluginID = "table-auth"

    struct Unauthenticated: CodedError {
        var code: String { "unauthenticated" }
        var message: String { "the token is not valid (signature, audience or expiry)" }
    }

    init(config: NoConfig, context: PluginContext) {}

    func routes(_ routes: inout Routes) {
        routes.answer(Auth.Verify.self) { request, _ in
            guard request.token.hasPrefix("view-") else { throw Unauthenticated() }
            return Auth.Principal(
                subject: "vera", tenant: "t1", server: String(request.token.dropFirst("view-".count)), actions: [.view],
                expiresAt: Int64(Date().timeIntervalSince1970) + 3600)
        }
    }
}
