import Foundation
import LabTesting

/// What the browser tests need on this machine besides the lab VM (``LabVM``): Chromium,
/// Selenium in the venv and the browser script.
enum BrowserLab {
    static let venvPython = (ProcessInfo.processInfo.environment["TETHER_VENV"] ?? "/opt/tether-venv") + "/bin/python"
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let browserScript = packageRoot.appendingPathComponent("Scripts/webui_browser.py")

    /// Chromium, its driver, Selenium in the venv, the xterm.js and noVNC bundles (Scripts/setup), and the lab VM.
    static var isAvailable: Bool {
        let files = [
            "/usr/bin/chromium", "/usr/bin/chromedriver", venvPython,
            "/var/cache/tether-lab/xterm/xterm.bundle.js", "/usr/share/novnc/core/rfb.js",
        ]
        return LabVM.isInstalled && files.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) || FileManager.default.isReadableFile(atPath: $0) }
    }
}

/// A browser test's precondition failed.
struct BrowserTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
