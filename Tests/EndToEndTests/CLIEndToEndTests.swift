import Foundation
import KernelTesting
import LabTesting
import Testing

extension EndToEndTests {
    /// The CLI as an operator runs it against a TLS deployment with a private CA: without
    /// trusting that CA it refuses to talk (and says how to fix it); with `TETHER_CA_FILE` it
    /// logs in, lists, reads power, and runs the terminal console in tmux through the gateway
    /// and agent processes, `~.` ending it with the terminal restored.
    @Test(.enabled(if: Tmux.isInstalled, "needs tmux (Scripts/setup)"))
    func cliWithAPrivateCAThroughManagerGatewayAndAgent() async throws {
        let deployment = try Deployment(lab: try Lab.required())
        defer { deployment.remove() }
        let gateway = Deployment.gateway("gw-1")
        let manager = try await deployment.startManager(servers: [("lab-01", "gw-1")])
        defer { manager.stop() }
        let gatewayProcess = try await deployment.startGateway(gateway)
        defer { gatewayProcess.stop() }
        let agent = try await deployment.startAgent("agent-1", gateway: gateway, servers: ["lab-01"])
        defer { agent.stop() }
        try await gatewayProcess.waitForLog("routing.node=agent-1", timeout: .seconds(30))

        let untrusting = try Self.cliEnvironment(deployment, gateway: gateway, trustingTheCA: false)
        let login = ["login", "--user", "admin", "--password-stdin"]
        let refused = try await CLIBinary.run(login, environment: untrusting, input: deployment.adminPassword + "\n")
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("TETHER_CA_FILE"), "\(refused.standardError)")
        #expect(refused.standardError.lowercased().contains("certificate"), "\(refused.standardError)")

        let environment = try Self.cliEnvironment(deployment, gateway: gateway, trustingTheCA: true)
        let loggedIn = try await CLIBinary.run(login, environment: environment, input: deployment.adminPassword + "\n")
        #expect(loggedIn.status == 0, "\(loggedIn.standardError)")
        let list = try await CLIBinary.run(["server", "list", "-o", "json"], environment: environment)
        #expect(list.status == 0 && list.standardOutput.contains("lab-01"), "\(list.standardOutput) \(list.standardError)")
        let power = try await CLIBinary.run(["server", "power", "lab-01", "-o", "json"], environment: environment)
        #expect(power.status == 0 && power.standardOutput.contains(#""on""#), "\(power.standardOutput) \(power.standardError)")

        let files = deployment.folder.appendingPathComponent("tty")
        let run = try await Tmux.with(environment: environment) { tmux in
            try await tmux.runTerminalConsole("\(CLIBinary.url.path) server console lab-01 --terminal", prompt: "lab-01# ", files: files)
        }
        #expect(run.screen.contains("console closed: ~. typed"), "\(run.screen)")
        #expect(run.exitLine == "exit=0", "\(run.screen)")
        #expect(!run.sttyBefore.isEmpty && run.sttyBefore == run.sttyAfter)
    }

    /// kill -9 of the gateway during an open terminal console: after the gateway's restart
    /// the agent links again by itself and the console comes back live on its own, with the
    /// same login (no new sign-in); a command typed afterwards reaches the VM, `~.` exits 0.
    @Test(.enabled(if: Tmux.isInstalled, "needs tmux (Scripts/setup)"))
    func terminalConsoleComesBackAfterTheGatewayIsKilledAndRestarted() async throws {
        let deployment = try Deployment(lab: try Lab.required())
        defer { deployment.remove() }
        let gateway = Deployment.gateway("gw-1")
        let manager = try await deployment.startManager(servers: [("lab-01", "gw-1")])
        defer { manager.stop() }
        let first = try await deployment.startGateway(gateway)
        let agent = try await deployment.startAgent("agent-1", gateway: gateway, servers: ["lab-01"])
        defer { agent.stop() }
        try await first.waitForLog("routing.node=agent-1", timeout: .seconds(30))

        let environment = try Self.cliEnvironment(deployment, gateway: gateway, trustingTheCA: true)
        let login = try await CLIBinary.run(["login", "--user", "admin", "--password-stdin"], environment: environment, input: deployment.adminPassword + "\n")
        #expect(login.status == 0, "\(login.standardError)")

        let files = deployment.folder.appendingPathComponent("tty-reconnect")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        let lives = { (screen: String) in screen.components(separatedBy: "[tether: live]").count - 1 }
        try await Tmux.with(environment: environment) { tmux in
            try tmux.type(
                "\(CLIBinary.url.path) server console lab-01 --terminal; echo \"exit=$?\" > \(files.path)/status; \(Tmux.path) -L \(tmux.socket) wait-for -S done",
                enter: true)
            try await tmux.waitForScreen("the console going live", timeout: .seconds(30)) { lives($0) == 1 }

            first.kill()
            try await tmux.waitForScreen("the loss reported", timeout: .seconds(20)) { $0.contains("[tether: connection lost") }
            let second = try await deployment.startGateway(gateway)
            defer { second.stop() }
            try await second.waitForLog("routing.node=agent-1", timeout: .seconds(30))
            try await tmux.waitForScreen("the console live again", timeout: .seconds(30)) { lives($0) == 2 }

            try await tmux.pressEnterUntilPrompt("lab-01# ")
            try await tmux.typeAndWaitForLine("echo again-$((6*7))-ok", line: "again-42-ok")
            try tmux.enter()
            try tmux.type("~.")
            try await tmux.waitFor(channel: "done", timeout: .seconds(30))
        }
        let status = try String(contentsOf: files.appendingPathComponent("status"), encoding: .utf8)
        #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "exit=0")
    }

    /// The CLI's environment against `deployment`: a private home and XDG folders, the manager
    /// and `gateway` by the name their certificate carries (localhost: a TLS client cannot
    /// send an IP address as SNI), and the deployment's CA when trusted.
    static func cliEnvironment(_ deployment: Deployment, gateway: Deployment.Gateway, trustingTheCA: Bool) throws -> [String: String] {
        let home = deployment.folder.appendingPathComponent("cli-home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path, "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "TETHER_MANAGER": "https://localhost:\(deployment.managerPort)", "TETHER_GATEWAY": "https://localhost:\(gateway.apiPort)",
        ]
        if trustingTheCA { environment["TETHER_CA_FILE"] = deployment.certificates.caCertificate }
        return environment
    }
}
