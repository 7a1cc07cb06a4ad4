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
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        try await Tmux.with(environment: plane.environment) { tmux in
            let done = "console-done"
            try tmux.type(
                "stty -a > \(files.path)/before; \(CLIBinary.url.path) server console lab-01 --terminal; echo \"exit=$?\" > \(files.path)/status; "
                    + "stty -a > \(files.path)/after; \(Tmux.path) -L \(tmux.socket) wait-for -S \(done)", enter: true)
            try await tmux.waitForScreen("the console going live", timeout: .seconds(30)) { $0.contains("[tether: live]") }
            // The VM may be anywhere in its boot: press Enter (bounded) until a fresh prompt shows.
            var prompted = false
            for _ in 0..<30 where !prompted {
                try tmux.enter()
                prompted = (try? await tmux.waitForScreen("the lab-01 prompt", timeout: .seconds(2)) {
                    $0.components(separatedBy: "[tether: live]").last?.contains("lab-01# ") == true
                }) != nil
            }
            try #require(prompted, "no lab-01 prompt: \((try? tmux.screen()) ?? "")")
            try tmux.type("echo TETHER-$((6*7))-MARK", enter: true)
            try await tmux.waitForScreen("the command's output", timeout: .seconds(20)) {
                $0.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "TETHER-42-MARK" }
            }
            try tmux.enter()
            try tmux.type("~.")
            try await tmux.waitFor(channel: done, timeout: .seconds(30))
            #expect(try tmux.screen().contains("console closed: ~. typed"))
        }
        let status = try String(contentsOf: files.appendingPathComponent("status"), encoding: .utf8)
        #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "exit=0")
        let before = try String(contentsOf: files.appendingPathComponent("before"), encoding: .utf8)
        let after = try String(contentsOf: files.appendingPathComponent("after"), encoding: .utf8)
        #expect(!before.isEmpty && before == after, "stty -a differs:\n\(before)\n---\n\(after)")

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
