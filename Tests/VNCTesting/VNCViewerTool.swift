import Foundation

/// vncdotool (`vncdo`, from PyPI in a venv) as the third-party viewer, and the PNG comparison
/// script that ships next to this file.
public enum VNCViewerTool {
    /// The venv's bin folder: `$VNC_TEST_VENV`, else `$TETHER_VENV`, else the one
    /// `Scripts/setup` makes (`/opt/tether-venv`).
    public static var binDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        let venv = environment["VNC_TEST_VENV"] ?? environment["TETHER_VENV"] ?? "/opt/tether-venv"
        return URL(fileURLWithPath: venv).appendingPathComponent("bin")
    }

    static let packageDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: binDirectory.appendingPathComponent("vncdo").path)
    }

    /// Runs `vncdo -s 127.0.0.1::port [-p password] arguments...`.
    public static func vncdo(port: Int, password: String? = nil, _ arguments: [String]) async throws -> ExternalProcess.Outcome {
        let vncdo = binDirectory.appendingPathComponent("vncdo").path
        guard FileManager.default.isExecutableFile(atPath: vncdo) else {
            throw ExternalProcess.Failure(description: "vncdo missing: run Scripts/setup (it makes /opt/tether-venv with vncdotool)")
        }
        var full = ["-t", "20", "-s", "127.0.0.1::\(port)"]
        if let password { full += ["-p", password] }
        return try await ExternalProcess.run(vncdo, full + arguments, timeout: .seconds(40))
    }

    /// Captures the screen to `path`; throws with vncdo's output when it fails.
    public static func capture(port: Int, password: String? = nil, to path: String) async throws {
        let outcome = try await vncdo(port: port, password: password, ["capture", path])
        guard outcome.status == 0 else {
            throw ExternalProcess.Failure(description: "vncdo capture on port \(port) failed (\(outcome.status)): \(outcome.output)")
        }
    }

    /// Compares two captures (see `compare_png.py`).
    public static func compare(_ first: String, _ second: String) async throws -> PNGComparison {
        let python = binDirectory.appendingPathComponent("python").path
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("compare_png.py").path
        let outcome = try await ExternalProcess.run(python, [script, first, second])
        guard outcome.status == 0 else {
            throw ExternalProcess.Failure(description: "compare_png: \(outcome.output)")
        }
        return PNGComparison(line: outcome.output.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// The result of `compare_png.py`.
public struct PNGComparison: Sendable, CustomStringConvertible {
    public let description: String
    public let width: Int
    public let height: Int
    public let same: Int
    public let total: Int
    public let foreground: Int

    init(line: String) {
        description = line
        var fields: [String: Int] = [:]
        for part in line.split(whereSeparator: \.isWhitespace) {
            let pair = part.split(separator: "=")
            if pair.count == 2, let value = Int(pair[1]) { fields[String(pair[0])] = value }
        }
        let size = line.split(separator: " ").first?.split(separator: "x").compactMap { Int($0) } ?? []
        width = size.first ?? 0
        height = size.count > 1 ? size[1] : 0
        same = fields["same"] ?? 0
        total = fields["total"] ?? 0
        foreground = fields["foreground"] ?? 0
    }

    /// Share of equal pixels, 0...1.
    public var equalFraction: Double { total > 0 ? Double(same) / Double(total) : 0 }
}
