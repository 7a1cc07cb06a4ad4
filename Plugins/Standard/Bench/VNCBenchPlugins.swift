import Contracts
import Foundation
import Kernel

/// The gateway's `auth.verify` in the VNC bench: one token, `vnc` on the bench server.
struct VNCBenchAuthPlugin: Plugin {
    static let id: PluginID = "vnc-bench-auth"
    static let token = "vnc-bench-token"
    static let server: ServerID = "bench-01"

    struct Refused: CodedError {
        var code: String { "unauthenticated" }
        var message: String { "not the bench token" }
    }

    init(config: NoConfig, context: PluginContext) {}

    func routes(_ routes: inout Routes) {
        routes.answer(Auth.Verify.self) { request, _ in
            guard request.token == Self.token else { throw Refused() }
            return .init(subject: "bench", tenant: nil, server: Self.server, actions: [.vnc], expiresAt: Int64(Date().timeIntervalSince1970) + 3600)
        }
    }
}

/// The gateway's `routing.resolve` in the VNC bench: every server is the agent's `vnc-tcp`.
struct VNCBenchRouterPlugin: Plugin {
    static let id: PluginID = "vnc-bench-router"
    static let agent: NodeID = "bench-agent"

    init(config: NoConfig, context: PluginContext) {}

    func routes(_ routes: inout Routes) {
        routes.answer(Routing.Resolve.self) { _, _ in .init(address: Address(instance: "vnc-tcp", node: Self.agent)) }
    }
}
