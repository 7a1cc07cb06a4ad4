import Foundation

extension Tmux {
    /// What a terminal console run in tmux left behind.
    public struct ConsoleRun: Sendable {
        /// `exit=N` of the console command.
        public let exitLine: String
        /// `stty -a` before and after the console.
        public let sttyBefore: String
        public let sttyAfter: String
        /// The pane when the console had ended.
        public let screen: String
    }

    /// Runs `command` (a `tether server console SERVER --terminal`) in the pane: waits until the
    /// console is live, presses Enter (bounded) until `prompt` shows, types a command whose
    /// output must come back, then `~.`; returns the exit line, `stty -a` before and after.
    public func runTerminalConsole(_ command: String, prompt: String, files: URL) async throws -> ConsoleRun {
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        let done = "console-done"
        try type(
            "stty -a > \(files.path)/before; \(command); echo \"exit=$?\" > \(files.path)/status; "
                + "stty -a > \(files.path)/after; \(Tmux.path) -L \(socket) wait-for -S \(done)", enter: true)
        try await waitForScreen("the console going live", timeout: .seconds(30)) { $0.contains("[tether: live]") }
        try await pressEnterUntilPrompt(prompt)
        try await typeAndWaitForLine("echo TETHER-$((6*7))-MARK", line: "TETHER-42-MARK")
        try enter()
        try type("~.")
        try await waitFor(channel: done, timeout: .seconds(30))
        let read = { (name: String) in (try? String(contentsOf: files.appendingPathComponent(name), encoding: .utf8)) ?? "" }
        return ConsoleRun(
            exitLine: read("status").trimmingCharacters(in: .whitespacesAndNewlines), sttyBefore: read("before"), sttyAfter: read("after"),
            screen: try screen())
    }

    /// The VM may be anywhere in its boot: presses Enter (at most 30 times) until `prompt`
    /// shows after the last `[tether: live]`.
    public func pressEnterUntilPrompt(_ prompt: String) async throws {
        for _ in 0..<30 {
            try enter()
            let shown = (try? await waitForScreen("the prompt", timeout: .seconds(2)) {
                $0.components(separatedBy: "[tether: live]").last?.contains(prompt) == true
            }) != nil
            if shown { return }
        }
        throw LabFailure("no \(prompt) prompt: \((try? screen()) ?? "")")
    }

    /// Types `command` + Enter and waits until a screen line is exactly `line`.
    public func typeAndWaitForLine(_ command: String, line: String) async throws {
        try type(command, enter: true)
        try await waitForScreen("the command's output", timeout: .seconds(20)) {
            $0.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == line }
        }
    }
}
