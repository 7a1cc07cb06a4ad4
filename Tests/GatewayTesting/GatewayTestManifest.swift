import GatewayAPI
import Kernel

/// The manifest of a gateway node for a test: the test auth, session and router plugins, a
/// fake BMC and `gateway-api` on a loopback port.
package enum GatewayTestManifest {
    package static let plugins: [any Plugin.Type] = [
        TestAuthPlugin.self, TestSessionPlugin.self, TestRouterPlugin.self, FakeBMCPlugin.self, GatewayAPIPlugin.self,
    ]
    package static let allowedOrigin = "https://console.example"

    /// `settings` are extra `gateway-api` keys (`maxBodyBytes: 100`); with `agentNode` the fake
    /// BMC runs on that node instead.
    package static func yaml(port: Int, settings: [String] = [], auth: String = "{}", agentNode: String? = nil) -> String {
        let keys = ["listen: \"127.0.0.1:\(port)\"", "allowedOrigins: [\"\(allowedOrigin)\"]"] + settings
        return """
            role: gateway
            plugins:
              - {use: test-auth, with: \(auth)}
              - use: test-session
            \(agentNode == nil ? "  - use: fake-bmc" : "")
              - {use: test-router, with: {\(agentNode.map { "agentNode: \($0)" } ?? "")}}
              - use: gateway-api
                with: {\(keys.joined(separator: ", "))}
            """
    }
}
