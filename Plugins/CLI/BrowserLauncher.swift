import Foundation

/// Starts the user's browser on a URL when there is one to start: `$BROWSER`, or `xdg-open`
/// on a graphical session. Failing to start one is fine: the URL was printed.
enum BrowserLauncher {
    static func open(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let graphical = environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil
        let command = environment["BROWSER"].flatMap { $0.isEmpty ? nil : $0 } ?? (graphical ? "xdg-open" : nil)
        guard let command else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command, url]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
