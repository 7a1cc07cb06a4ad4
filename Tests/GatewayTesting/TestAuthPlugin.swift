import Contracts
import Foundation
import Kernel

/// Stands in for the `auth` plugin: verifies tokens from a fixed table.
package struct TestAuthPlugin: Plugin {
    package static let id: PluginID = "test-auth"

    package struct Config: PluginConfig {
        /// How long `short-lab-01` lives after the plugin starts.
        package var shortLivedSeconds = 2
        package init() {}
    }

    package struct Unauthenticated: CodedError {
        package var code: String { "unauthenticated" }
        package var message: String { "the token is not valid (signature, audience or expiry)" }
    }

    package let principals: [String: Auth.Principal]

    package init(config: Config, context: PluginContext) {
        let now = Int64(Date().timeIntervalSince1970)
        let hour = now + 3600
        let all: [Auth.Action] = [.power, .console, .view]
        var table: [String: Auth.Principal] = [
            "viewer-lab-01": .init(subject: "vera", tenant: "t1", server: "lab-01", actions: [.view], expiresAt: hour),
            "short-lab-01": .init(subject: "alice", tenant: "t1", server: "lab-01", actions: all, expiresAt: now + Int64(config.shortLivedSeconds)),
            "bob-lab-01": .init(subject: "bob", tenant: "t1", server: "lab-01", actions: all, expiresAt: hour),
            "login-token": .init(subject: "alice", tenant: "t1", server: nil, actions: all, expiresAt: hour),
        ]
        for server in ["lab-01", "lab-02", "lab-03", "lab-09", "slow-01", "nope"] {
            table["admin-\(server)"] = .init(subject: "alice", tenant: "t1", server: server, actions: all, expiresAt: hour)
        }
        principals = table
    }

    package func routes(_ routes: inout Routes) {
        let principals = self.principals
        routes.answer(Auth.Verify.self) { request, _ in
            guard let principal = principals[request.token] else { throw Unauthenticated() }
            return principal
        }
    }
}
