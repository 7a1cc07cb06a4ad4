import Foundation
import Kernel
import KernelTesting
import Testing

/// The gateway and the agent as two nodes joined by a link: requests and console bytes cross
/// it; when it drops, the agent's servers answer "agent offline" at once.
@Suite struct AgentLinkTests {
    @Test func powerAndConsolesCrossTheLinkAndADownLinkIs503() async throws {
        let port = FreePort.find()
        let yaml = TestGateway.yaml(port: port, agentNode: "agent-1")
        try await TestNode.run(yaml, plugins: TestGateway.plugins, node: "gateway") { gatewayNode in
            try await TestNode.run("role: agent\nplugins: [{use: fake-bmc}]", plugins: TestGateway.plugins, node: "agent-1") { agent in
                let gateway = TestGateway(port: port, scheme: "http")
                try await gateway.waitUntilServing()
                try await LinkPair.connect(gatewayNode.bus, agent.bus) {
                    let set = try await gateway.request("POST", "/v1/servers/lab-01/power", token: "admin-lab-01", body: #"{"action":"on"}"#)
                    #expect(set.status == 200)
                    #expect(try await gateway.request("GET", "/v1/servers/lab-01/power", token: "viewer-lab-01").text.contains(#""state":"on""#))
                    _ = try await ConsoleClient.run(gateway) { session in
                        try await session.read(until: "console of lab-01\r\n")
                        let payload = [UInt8]((0..<200_000).map { UInt8(truncatingIfNeeded: $0 % 251) })
                        let start = session.bytes.count
                        try await session.send(bytes: payload)
                        try await session.readBytes(untilTotal: start + payload.count)
                        #expect(Array(session.bytes[start...]) == payload)
                    }
                }
                let start = ContinuousClock.now
                let offline = try await gateway.request("GET", "/v1/servers/lab-01/power", token: "admin-lab-01")
                #expect(offline.status == 503)
                #expect(try offline.error().error == "agent-offline")
                let console = try await RawConnection.run(port: port) { raw in
                    try await raw.refusal("/v1/servers/lab-01/console/serial", headers: ["Authorization": "Bearer admin-lab-01"])
                }
                #expect(console.status == 503)
                #expect(ContinuousClock.now - start < .seconds(1))
            }
        }
    }
}
