import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KernelTesting
import LabTesting
import Testing

/// The web consoles end to end in Debian's headless Chromium (Selenium, `Scripts/webui_browser.py`) against
/// a real `tether` process (auth + api as the manager, ipmi-sol, vnc-tcp, routing, session,
/// gateway-api, webui) and the lab's QEMU VM behind ipmi_sim. A user logs in at the manager,
/// gets a session token, asks the gateway for a viewer link and opens it. Screenshots go to
/// `.build/artefacts/webui/`.
@Suite(.serialized, .enabled(if: BrowserLab.isAvailable, "needs chromium, chromium-driver, selenium in /opt/tether-venv, QEMU, ipmi_sim (Scripts/setup)"),
       .timeLimit(.minutes(10)))
struct WebConsoleBrowserTests {
    static let artefacts = BrowserLab.packageRoot.appendingPathComponent(".build/artefacts/webui")

    struct Ports {
        let api = FreePort.find()
        let gateway = FreePort.find()
        let webui = FreePort.find()
    }

    static func manifest(_ lab: LabVM, _ ports: Ports, folder: URL) -> String {
        """
        role: all-in-one
        node: gw-test
        plugins:
          - use: auth
            with:
              storage: "sqlite:\(folder.path)/manager.db"
              passwordCost: 10
              bootstrap:
                tenants: [{id: lab, name: Lab}]
                users: [{name: op, password: "file:\(folder.path)/op.pass", memberships: [{tenant: lab, role: operator}]}]
                servers: [{id: lab-01, tenant: lab, gateway: gw-test, capabilities: [ipmi, serial-ipmi, vnc-tcp]}]
          - use: api
            with: {listen: "127.0.0.1:\(ports.api)"}
          - use: ipmi-sol
            with:
              servers: [{name: lab-01, host: 127.0.0.1, port: \(lab.ipmiPort), username: admin, passwordFile: \(lab.ipmiPasswordFile)}]
          - use: vnc-tcp
            with:
              servers: [{name: lab-01, host: 127.0.0.1, port: \(lab.vncPort), passwordFile: \(lab.vncPasswordFile)}]
          - use: routing
          - use: session
            with: {viewerURL: "http://127.0.0.1:\(ports.webui)"}
          - use: gateway-api
            with: {listen: "127.0.0.1:\(ports.gateway)", allowedOrigins: ["http://127.0.0.1:\(ports.webui)"]}
          - use: webui
            with: {listen: "127.0.0.1:\(ports.webui)", gatewayURL: "http://127.0.0.1:\(ports.gateway)"}
        """
    }

    @Test func serialVNCPowerAndExpiryInARealBrowser() async throws {
        try FileManager.default.createDirectory(at: Self.artefacts, withIntermediateDirectories: true)
        print("web console screenshots: \(Self.artefacts.path)")
        try await LabVM.with { lab in
            let folder = lab.state.appendingPathComponent("tether")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let password = "op-\(UUID().uuidString.prefix(12))"
            try Data(password.utf8).write(to: folder.appendingPathComponent("op.pass"))
            let ports = Ports()
            let tether = try await TetherProcess.start(["run", "-"], yaml: Self.manifest(lab, ports, folder: folder))
            defer { tether.stop() }
            for line in ["gateway API listening", "web console listening", "api listening", "inventory updated"] {
                try await tether.waitForLog(line, timeout: .seconds(60))
            }
            let client = Client(ports: ports, password: password)

            let serial = try await step("serial", try await client.viewerURL("serial"))
            #expect(serial.passed, "\(serial.failures)")

            let firstQEMU = lab.qemuPID
            let power = try await step("power", try await client.viewerURL("serial"))
            #expect(power.passed, "\(power.failures)")
            #expect(firstQEMU != nil && lab.qemuPID != nil && lab.qemuPID != firstQEMU, "power off and on restarted the VM's QEMU (IPMI chassis control)")

            let vnc = try await step("vnc", try await client.viewerURL("vnc"))
            #expect(vnc.passed, "\(vnc.failures)")

            let token = try await client.sessionToken()
            let expired = try await step(
                "expired", try await client.viewerURL("serial", token: token),
                extra: ["gateway": "http://127.0.0.1:\(ports.gateway)", "server": "lab-01", "token": token])
            #expect(expired.passed, "\(expired.failures)")
        }
    }

    /// What one `webui_browser.py` step reported.
    struct StepResult {
        let passed: Bool
        let failures: [String]
    }

    func step(_ name: String, _ viewerURL: String, extra: [String: String] = [:]) async throws -> StepResult {
        var arguments = extra
        arguments["viewerURL"] = viewerURL
        arguments["out"] = Self.artefacts.path
        let json = String(decoding: try JSONSerialization.data(withJSONObject: arguments), as: UTF8.self)
        let outcome = try await ChildProcess.runCollectingOutput(BrowserLab.venvPython, [BrowserLab.browserScript.path, name, json])
        print("browser step \(name):\n\(outcome.output.split(separator: "\n").filter { !$0.hasPrefix("RESULT ") }.joined(separator: "\n"))")
        guard let line = outcome.output.split(separator: "\n").last(where: { $0.hasPrefix("RESULT ") }),
              let object = try JSONSerialization.jsonObject(with: Data(line.dropFirst(7).utf8)) as? [String: Any]
        else { throw BrowserTestError("webui_browser.py \(name) printed no result (status \(outcome.status)):\n\(outcome.output.suffix(3000))") }
        let checks = object["checks"] as? [[String: Any]] ?? []
        let failures = checks.filter { $0["ok"] as? Bool != true }.map { "\($0["name"] ?? "?"): \($0["detail"] ?? "")" }
        let console = (object["console"] as? [String] ?? []).filter { $0.contains("Content Security Policy") || $0.contains("Uncaught") }
        #expect(console.isEmpty, "no CSP violations or script errors in \(name): \(console)")
        return StepResult(passed: outcome.status == 0 && object["ok"] as? Bool == true && !checks.isEmpty, failures: failures + (object["setup"].map { ["\($0)"] } ?? []))
    }

    /// The manager's and the gateway's HTTP APIs, as the CLI would use them.
    struct Client {
        let ports: Ports
        let password: String

        func sessionToken() async throws -> String {
            let login = try await post("http://127.0.0.1:\(ports.api)/v1/login", body: ["username": "op", "password": password])
            guard let loginToken = login["token"] as? String else { throw BrowserTestError("login failed: \(login)") }
            let issued = try await post("http://127.0.0.1:\(ports.api)/v1/servers/lab-01/session-token", body: [:], token: loginToken)
            guard let token = (issued["token"] as? [String: Any])?["token"] as? String else { throw BrowserTestError("no session token: \(issued)") }
            return token
        }

        func viewerURL(_ type: String, token: String? = nil) async throws -> String {
            let token = if let token { token } else { try await sessionToken() }
            let created = try await post("http://127.0.0.1:\(ports.gateway)/v1/servers/lab-01/sessions", body: ["type": type], token: token)
            guard let url = created["viewerURL"] as? String else { throw BrowserTestError("no viewer URL: \(created)") }
            return url
        }

        func post(_ url: String, body: [String: String], token: String? = nil) async throws -> [String: Any] {
            guard let target = URL(string: url) else { throw BrowserTestError("bad URL \(url)") }
            var request = URLRequest(url: target, timeoutInterval: 20)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            let (data, _) = try await URLSession.shared.data(for: request)
            return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        }
    }
}
