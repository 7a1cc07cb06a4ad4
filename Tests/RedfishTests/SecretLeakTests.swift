import Contracts
import Foundation
import Kernel
import Testing

@testable import Redfish

/// The BMC password never appears in a log line or an error message, however things go.
@Suite(.timeLimit(.minutes(5))) struct SecretLeakTests {
    @Test func passwordNeverAppearsInLogsOrErrors() async throws {
        let password = "Pw-\(UUID().uuidString)"
        let wrong = "Wrong-\(UUID().uuidString)"
        let sushy = try SushyEmulator(password: password)
        defer { sushy.stop() }
        let logs = CapturedLogs()
        let certificate = sushy.certificate.certificate
        var errors: [String] = []
        errors = try await RedfishNode.run(
            servers: [
                RedfishNode.server("good", url: sushy.url, password: password, certificate: certificate, systemId: "node-1"),
                RedfishNode.server("bad", url: sushy.url, password: wrong, certificate: certificate, systemId: "node-1"),
                RedfishNode.server("insecure", url: sushy.url, password: password, insecure: true, systemId: "node-2"),
                RedfishNode.server("unpinned", url: sushy.url, password: password, systemId: "node-2"),
            ], logs: logs
        ) { node in
            var errors: [String] = []
            _ = try await ask(node, Inventory.List())
            _ = try await ask(node, RedfishMessages.SystemShow(server: "good"))
            _ = try await ask(node, Power.Set(server: "good", action: .cycle))
            _ = try await ask(node, Boot.Set(server: "insecure", device: .pxe))
            _ = try await ask(node, RedfishMessages.Sensors(server: "good"))
            let failing: [any Request] = [
                Power.Status(server: "bad"), SystemEventLog.List(server: "good"), RedfishMessages.Reset(server: "good", resetType: password),
                Boot.Set(server: "good", device: .bios), Power.Status(server: "unpinned"), BMC.Info(server: "bad"),
            ]
            for request in failing {
                do {
                    _ = try await node.bus.ask(request, timeout: .seconds(60))
                    Issue.record("\(type(of: request)) should have failed")
                } catch {
                    errors.append(String(describing: error))
                }
            }
            return errors
        }
        let basic = Data("admin:\(password)".utf8).base64EncodedString()
        let basicWrong = Data("admin:\(wrong)".utf8).base64EncodedString()
        #expect(errors.count == 6)
        #expect(errors.contains { $0.contains("bmc-auth-failed") })
        #expect(errors.contains { $0.contains("<redacted>") })  // the reset type that was the password
        #expect(logs.all.count > 20 && logs.contains("logged in to BMC") && logs.contains("redfish request"))
        for text in logs.all + errors {
            for secret in [password, wrong, basic, basicWrong] {
                #expect(!text.contains(secret), "leaked: \(text)")
            }
        }
    }
}
