import Foundation
import LabTesting
import Testing

/// The CLI against real processes and the QEMU VM: `tether run` (manager, gateway, routing,
/// ipmi-sol) in front of ipmi_sim driving the VM (`Scripts/lab up --servers 1`).
@Suite(
    .serialized, .enabled(if: LabVM.isInstalled && Tmux.isInstalled, "QEMU, ipmi_sim or tmux missing (run Scripts/setup)"),
    LabPlaneTrait())
struct CLILabTests {
    /// In tmux: the console shows the VM's prompt, a typed command's output comes back, `~.`
    /// ends it, and `stty -a` is the same before and after. The gateway advertises gRPC, so
    /// the console runs on its `SerialConsole` stream (the gateway logs the transport).
    @Test func terminalConsoleInTmux() async throws {
        let plane = try LabPlane.require()
        try await plane.login("oscar")
        let opened = Self.consolesOpened(plane, transport: "grpc")
        let run = try await runConsole(plane, "")
        #expect(run.screen.contains("console closed: ~. typed"))
        #expect(run.exitLine == "exit=0")
        #expect(!run.sttyBefore.isEmpty && run.sttyBefore == run.sttyAfter, "stty -a differs:\n\(run.sttyBefore)\n---\n\(run.sttyAfter)")
        #expect(Self.consolesOpened(plane, transport: "grpc") == opened + 1, "the gateway logged no gRPC console:\n\(plane.role.output.suffix(3000))")

        // The agent kept what the console printed: `server log` shows it.
        let log = try await plane.tether(["server", "log", "lab-01"])
        #expect(log.status == 0, "\(log.standardError)")
        #expect(log.standardOutput.contains("TETHER-42-MARK"))
    }

    /// `--transport websocket` keeps the WebSocket console, with the same screen and endings.
    @Test func terminalConsoleOverWebSocketInTmux() async throws {
        let plane = try LabPlane.require()
        try await plane.login("oscar")
        let opened = Self.consolesOpened(plane, transport: "websocket")
        let grpc = Self.consolesOpened(plane, transport: "grpc")
        let run = try await runConsole(plane, " --transport websocket")
        #expect(run.screen.contains("console closed: ~. typed"))
        #expect(run.exitLine == "exit=0")
        #expect(!run.sttyBefore.isEmpty && run.sttyBefore == run.sttyAfter, "stty -a differs:\n\(run.sttyBefore)\n---\n\(run.sttyAfter)")
        #expect(Self.consolesOpened(plane, transport: "websocket") == opened + 1, "\(plane.role.output.suffix(3000))")
        #expect(Self.consolesOpened(plane, transport: "grpc") == grpc)
    }

    /// Over gRPC the CLI renews the lease on the stream itself (`renew {token}`): the console
    /// outlives its first lease (the plane's session lifetime), still carries typed commands,
    /// and the gateway never ends it as expired.
    @Test func grpcConsoleOutlivesItsFirstLease() async throws {
        let plane = try LabPlane.require()
        try await plane.login("oscar")
        let opened = Self.consolesOpened(plane, transport: "grpc")
        let files = plane.folder.appendingPathComponent("tty-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        let screen = try await Tmux.with(environment: plane.environment) { tmux in
            try tmux.type(
                "\(CLIBinary.url.path) server console lab-01 --terminal --transport grpc; echo \"exit=$?\" > \(files.path)/status; "
                    + "\(Tmux.path) -L \(tmux.socket) wait-for -S lease-done", enter: true)
            try await tmux.waitForScreen("the console going live", timeout: .seconds(30)) { $0.contains("[tether: live]") }
            // Waiting out the lease is what is tested: no event tells when it would have ended.
            try await Task.sleep(for: .seconds(LabPlane.leaseSeconds + 5))
            var prompted = false
            for _ in 0..<30 where !prompted {
                try tmux.enter()
                prompted = (try? await tmux.waitForScreen("the prompt", timeout: .seconds(2)) {
                    $0.components(separatedBy: "[tether: live]").last?.contains("lab-01# ") == true
                }) != nil
            }
            try tmux.type("echo TETHER-$((6*7))-RENEWED", enter: true)
            try await tmux.waitForScreen("the command's output", timeout: .seconds(20)) {
                $0.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "TETHER-42-RENEWED" }
            }
            try tmux.enter()
            try tmux.type("~.")
            try await tmux.waitFor(channel: "lease-done", timeout: .seconds(30))
            return try tmux.screen()
        }
        #expect(!screen.contains("expired"), "\(screen)")
        #expect(screen.contains("console closed: ~. typed"), "\(screen)")
        #expect((try? String(contentsOf: files.appendingPathComponent("status"), encoding: .utf8))?.contains("exit=0") == true)
        #expect(Self.consolesOpened(plane, transport: "grpc") == opened + 1)
        #expect(!plane.role.output.contains("leaseExpired"), "\(plane.role.output.suffix(3000))")
    }

    /// `tether server console lab-01 --terminal` plus `extra` flags, in tmux.
    private func runConsole(_ plane: ControlPlane, _ extra: String) async throws -> Tmux.ConsoleRun {
        let files = plane.folder.appendingPathComponent("tty-\(UUID().uuidString.prefix(6))")
        return try await Tmux.with(environment: plane.environment) { tmux in
            try await tmux.runTerminalConsole("\(CLIBinary.url.path) server console lab-01 --terminal\(extra)", prompt: "lab-01# ", files: files)
        }
    }

    /// How many "console opened" lines the gateway logged for `transport` so far.
    static func consolesOpened(_ plane: ControlPlane, transport: String) -> Int {
        plane.role.output.split(separator: "\n").filter { $0.contains("console opened") && $0.contains("gateway.transport=\(transport)") }.count
    }

    /// `-o json` of the read commands that reach the BMC, against the README's schema.
    @Test func bmcReadCommandsMatchTheDocumentedSchema() async throws {
        let plane = try LabPlane.require()
        try await plane.login("oscar")
        for (command, arguments) in [
            ("server power", ["server", "power", "lab-01", "-o", "json"]),
            ("server show", ["server", "show", "lab-01", "-o", "json"]),
            ("server log", ["server", "log", "lab-01", "--quiet-ms", "300", "-o", "json"]),
            ("server list", ["server", "list", "--status", "on", "-o", "json"]),
            ("server sessions", ["server", "sessions", "lab-01", "-o", "json"]),
        ] {
            let result = try await plane.tether(arguments)
            #expect(result.status == 0, "\(command): \(result.standardError)")
            let problems = try DocumentedSchema(command: command).problems(result.standardOutput)
            #expect(problems.isEmpty, "\(command): \(problems)\n\(result.standardOutput)")
        }
        let on = try await plane.tether(["server", "list", "--status", "on", "-o", "json"])
        #expect(on.standardOutput.contains(#""status" : "on""#))
        // a browser session opened through the gateway shows up, with who opened it
        let link = try await plane.tether(["server", "console", "lab-01"])
        #expect(link.status == 0 && link.standardOutput.contains("/view/"), "\(link.standardError)")
        let sessions = try await plane.tether(["server", "sessions", "lab-01"])
        #expect(sessions.status == 0 && sessions.standardOutput.contains("serial"), "\(sessions.standardOutput) \(sessions.standardError)")
    }
}
