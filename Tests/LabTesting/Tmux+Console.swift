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
        // The VM may be anywhere in its boot: press Enter (bounded) until a fresh prompt shows.
        var prompted = false
        for _ in 0..<30 where !prompted {
            try enter()
            prompted = (try? await waitForScreen("the prompt", timeout: .seconds(2)) {
                $0.components(separatedBy: "[tether: live]").last?.contains(prompt) == true
            }) != nil
        }
        guard prompted else { throw LabFailure("no \(prompt) prompt: \((try? screen()) ?? "")") }
        try type("echo TETHER-$((6*7))-MARK", enter: true)
        try await waitForScreen("the command's output", timeout: .seconds(20)) {
            $0.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "TETHER-42-MARK" }
        }
        try enter()
        try type("~.")
        try await waitFor(channel: done, timeout: .seconds(30))
        let read = { (name: String) in (try? String(contentsOf: files.appendingPathComponent(name), encoding: .utf8)) ?? "" }
        return ConsoleRun(
            exitLine: read("status").trimmingCharacters(in: .whitespacesAndNewlines), sttyBefore: read("before"), sttyAfter: read("after"),
            screen: try screen())
    }
}
