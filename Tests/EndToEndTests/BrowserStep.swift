import Foundation
import Testing

/// One run of a Selenium driver script (`Scripts/dashboard_browser.py STEP ARGS_JSON`), which
/// prints `RESULT {json}` last: whether its checks passed and which failed.
struct BrowserStep {
    static let python = (ProcessInfo.processInfo.environment["TETHER_VENV"] ?? "/opt/tether-venv") + "/bin/python"
    static let script = Lab.repository.appendingPathComponent("Scripts/dashboard_browser.py")

    let passed: Bool
    let failures: [String]

    /// Runs the step (its waits are bounded) and reads its result; CSP violations and script
    /// errors in the browser's console fail the test too.
    static func run(_ step: String, _ arguments: [String: Any]) throws -> BrowserStep {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: arguments), as: UTF8.self)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, step, json]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        print("browser step \(step):\n\(output.split(separator: "\n").filter { !$0.hasPrefix("RESULT ") }.joined(separator: "\n"))")
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("RESULT ") }),
              let object = try JSONSerialization.jsonObject(with: Data(line.dropFirst(7).utf8)) as? [String: Any]
        else { throw ChildProcessFailure("dashboard_browser.py \(step) printed no result (status \(process.terminationStatus)):\n\(output.suffix(3000))") }
        let checks = object["checks"] as? [[String: Any]] ?? []
        let failures = checks.filter { $0["ok"] as? Bool != true }.map { "\($0["name"] ?? "?"): \($0["detail"] ?? "")" }
        let console = (object["console"] as? [String] ?? []).filter { $0.contains("Content Security Policy") || $0.contains("Uncaught") }
        #expect(console.isEmpty, "no CSP violations or script errors in \(step): \(console)")
        return BrowserStep(
            passed: process.terminationStatus == 0 && object["ok"] as? Bool == true && !checks.isEmpty,
            failures: failures + (object["setup"].map { ["\($0)"] } ?? []))
    }
}

struct ChildProcessFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
