import Contracts
import Foundation
import Kernel

/// Stands in for `auth`: tokens from a fixed table.
struct SessionTestAuthPlugin: Plugin {
    static let id: PluginID = "session-test-auth"

    struct Unauthenticated: CodedError {
        var code: String { "unauthenticated" }
        var message: String { "the token is not valid" }
    }

    init(config: NoConfig, context: PluginContext) {}

    static var principals: [String: Auth.Principal] {
        let hour = Int64(Date().timeIntervalSince1970) + 3600
        return [
            "alice-lab-01": .init(subject: "alice", tenant: "t1", server: "lab-01", actions: [.power, .console, .vnc, .view], expiresAt: hour),
            "bob-lab-01": .init(subject: "bob", tenant: "t1", server: "lab-01", actions: [.power, .console, .vnc, .view], expiresAt: hour),
            "viewer-lab-01": .init(subject: "vera", tenant: "t1", server: "lab-01", actions: [.view], expiresAt: hour),
            "alice-lab-02": .init(subject: "alice", tenant: "t1", server: "lab-02", actions: [.power, .console, .vnc, .view], expiresAt: hour),
        ]
    }

    func routes(_ routes: inout Routes) {
        routes.answer(Auth.Verify.self) { request, _ in
            guard let principal = Self.principals[request.token] else { throw Unauthenticated() }
            return principal
        }
    }
}

/// Stands in for an agent's BMC plugin and for `routing`: every server is managed by this
/// instance; power is always on; the serial console echoes.
struct SessionTestBMCPlugin: Plugin {
    static let id: PluginID = "session-test-bmc"

    let address: Address

    init(config: NoConfig, context: PluginContext) {
        address = Address(instance: context.instance, node: context.node)
    }

    func routes(_ routes: inout Routes) {
        let address = self.address
        routes.answer(Routing.Resolve.self) { _, _ in .init(address: address) }
        routes.answer(Power.Status.self) { request, _ in .init(server: request.server, state: .on) }
        routes.accept(SerialConsole.Attach.self) { _, duplex, _ in
            for try await bytes in duplex.inbound { try await duplex.outbound.write(bytes) }
        }
    }
}
