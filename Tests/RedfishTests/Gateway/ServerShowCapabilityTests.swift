import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GatewayAPI
import Kernel
import KernelTesting
import Redfish
import Routing
import Testing

/// Capability detection as a user sees it: `redfish` + `routing` + `gateway-api` against an
/// OpenBMC-style sushy-static mockup, read over HTTP and through `tether server show`.
@Suite(.timeLimit(.minutes(3))) struct ServerShowCapabilityTests {
    static let plugins: [any Plugin.Type] = [TableAuthPlugin.self, RedfishPlugin.self, RoutingPlugin.self, GatewayAPIPlugin.self]

    @Test func capabilitiesReachTheHTTPAnswerAndTheCLI() async throws {
        let bmc = try SushyStatic(tree: OpenBMCMockup.tree)
        defer { bmc.stop() }
        let port = FreePort.find()
        let server = RedfishNode.server("romulus", url: bmc.url, password: "0penBmc", certificate: bmc.certificate.certificate)
        let yaml = """
            role: gateway
            plugins:
              - use: table-auth
              - use: redfish
                with: {servers: [\(server)], inventoryWaitSeconds: 45}
              - use: routing
                with: {refreshSeconds: 2, askTimeoutSeconds: 60}
              - use: gateway-api
                with: {listen: "127.0.0.1:\(port)"}
            """
        try await TestNode.run(yaml, plugins: Self.plugins, node: "gateway") { _ in
            let base = "http://127.0.0.1:\(port)"
            let expected = #"{"capabilities":["redfish","power","boot","serial-redfish","vnc-ws"],"online":true,"server":"romulus"}"#
            let answer = try await Self.pollCapabilities(base: base, server: "romulus", token: "view-romulus")
            #expect(answer.status == 200)
            #expect(answer.body == expected)
            #expect(try await Self.get(base + "/v1/servers/romulus/capabilities", token: "view-other").status == 403)
            #expect(try await Self.get(base + "/v1/servers/romulus/capabilities", token: nil).status == 401)
            let unknown = try await Self.get(base + "/v1/servers/nope/capabilities", token: "view-nope")
            #expect(unknown.status == 404 && unknown.body.contains("no agent has registered server nope"))

            let cli = ["server", "show", "romulus", "--gateway", base, "--token", "view-romulus"]
            let table = try await TetherProcess.run(cli)
            #expect(table.status == 0, "\(table.standardError)")
            let rows = table.standardOutput.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
            #expect(rows.contains("CAPABILITIES redfish, power, boot, serial-redfish, vnc-ws"), "\(table.standardOutput)")
            #expect(rows.contains("POWER on"), "\(table.standardOutput)")

            let json = try await TetherProcess.run(cli + ["-o", "json"])
            #expect(json.status == 0, "\(json.standardError)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
            #expect(object["capabilities"] as? [String] == ["redfish", "power", "boot", "serial-redfish", "vnc-ws"])
            #expect(object["power"] as? String == "on")
        }
    }

    /// GETs the capabilities until routing knows the server (bounded: 90 s; the first
    /// detection logs in to the BMC, slow on a loaded machine).
    static func pollCapabilities(base: String, server: String, token: String) async throws -> (status: Int, body: String) {
        let deadline = ContinuousClock.now + .seconds(90)
        var last: (status: Int, body: String) = (0, "no answer")
        while ContinuousClock.now < deadline {
            if let answer = try? await get(base + "/v1/servers/\(server)/capabilities", token: token) {
                last = answer
                if answer.status == 200, !answer.body.contains(#""capabilities":[]"#) { return answer }
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        return last
    }

    static func get(_ url: String, token: String?) async throws -> (status: Int, body: String) {
        guard let url = URL(string: url) else { throw PeerError("bad URL \(url)") }
        var request = URLRequest(url: url, timeoutInterval: 30)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}
