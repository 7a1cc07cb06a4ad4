import Foundation
import KernelTesting
import Testing

extension EndToEndTests {
    /// A Redfish BMC (the lab's sushy-tools) behind an agent process: status, capabilities and
    /// a power action that the BMC's PowerState follows, through the gateway with a token from
    /// the manager.
    @Test func redfishPowerThroughManagerGatewayAndAgent() async throws {
        let deployment = try Deployment(lab: try Lab.required())
        defer { deployment.remove() }
        let https = try HTTPS(trusting: deployment.certificates.caCertificate)
        let gateway = Deployment.gateway("gw-1")
        let manager = try await deployment.startManager(servers: [("lab-01-rf", "gw-1")])
        defer { manager.stop() }
        let gatewayProcess = try await deployment.startGateway(gateway)
        defer { gatewayProcess.stop() }
        let agent = try await deployment.startRedfishAgent("agent-rf", gateway: gateway, server: "lab-01-rf", labServer: "lab-01")
        defer { agent.stop() }
        try await gatewayProcess.waitForLog("routing.node=agent-rf", timeout: .seconds(30))

        let login = try await https.login(deployment.managerURL, user: "admin", password: deployment.adminPassword)
        let session = try await https.sessionToken(deployment.managerURL, login: login, server: "lab-01-rf")
        let base = "\(gateway.url)/v1/servers/lab-01-rf"
        let capabilities = try await https.request(.GET, "\(base)/capabilities", token: session.token)
        #expect(capabilities.status == 200, "\(capabilities.body)")
        #expect((try capabilities.json()["capabilities"] as? [String])?.contains("redfish") == true, "\(capabilities.body)")

        for (action, expected) in [("off", "off"), ("on", "on")] {
            let set = try await https.request(.POST, "\(base)/power", token: session.token, json: #"{"action":"\#(action)"}"#)
            #expect(set.status == 200, "power \(action): \(set.body)")
            let status = try await https.request(.GET, "\(base)/power", token: session.token)
            #expect(try status.json()["state"] as? String == expected, "after \(action): \(status.body)")
        }
        await https.shutdown()
    }
}
