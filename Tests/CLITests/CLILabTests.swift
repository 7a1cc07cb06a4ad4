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
    /// ends it, and `stty -a` is the same before and after.
    @Test func terminalConsoleInTmux() async throws {
        let plane = try LabPlane.require()
        try await plane.login("oscar")
        let files = plane.folder.appendingPathComponent("tty-\(UUID().uuidString.prefix(6))")
        let run = try await Tmux.with(environment: plane.environment) { tmux in
            try await tmux.runTerminalConsole("\(CLIBinary.url.path) server console lab-01 --terminal", prompt: "lab-01# ", files: files)
        }
        #expect(run.screen.contains("console closed: ~. typed"))
        #expect(run.exitLine == "exit=0")
        #expect(!run.sttyBefore.isEmpty && run.sttyBefore == run.sttyAfter, "stty -a differs:\n\(run.sttyBefore)\n---\n\(run.sttyAfter)")

        // The agent kept what the console printed: `server log` shows it.
        let log = try await plane.tether(["server", "log", "lab-01"])
        #expect(log.status == 0, "\(log.standardError)")
        #expect(log.standardOutput.contains("TETHER-42-MARK"))
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
