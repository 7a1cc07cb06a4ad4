import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One QEMU VM behind its own ipmi_sim, started with the project's `Scripts/lab up --servers 1`
/// in a private state directory on free ports, and stopped with `Scripts/lab down`.
struct VMLab: Sendable {
    static let qemuPath = "/usr/bin/qemu-system-x86_64"
    static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: qemuPath) && IPMISimulatorLab.isInstalled
    }

    /// `Scripts/lab` of this repository, or `TETHER_LAB_SCRIPT` (a dev package outside it).
    static var script: URL? {
        if let path = ProcessInfo.processInfo.environment["TETHER_LAB_SCRIPT"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<6 {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent("Scripts/lab")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    let state: URL
    let ipmiPort: Int
    let passwordFile: String
    let serialLog: URL

    /// The pid QEMU wrote, if that QEMU still runs.
    var qemuPID: Int32? {
        guard let text = try? String(contentsOf: state.appendingPathComponent("lab-01-qemu.pid"), encoding: .utf8),
              let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")"),
              stat[stat.index(close, offsetBy: 2)] != "Z"
        else { return nil }
        return pid
    }

    static func with<T>(_ body: (VMLab) async throws -> T) async throws -> T {
        guard let script else { throw VMLabError.failed("Scripts/lab not found; set TETHER_LAB_SCRIPT") }
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("vm-lab-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        // Free ports for index 1 of each range, so a lab running elsewhere does not collide.
        var environment = ProcessInfo.processInfo.environment
        environment["TETHER_LAB_IPMI_BASE"] = "\(LabPorts.freeUDP() - 1)"
        for name in ["VNC", "WS", "SERIAL", "LINK"] {
            environment["TETHER_LAB_\(name)_BASE"] = "\(LabPorts.freeTCP() - 1)"
        }
        environment["TETHER_LAB_REDFISH_PORT"] = "\(LabPorts.freeTCP())"
        let up = try run(script, ["up", "--servers", "1", "--state", state.path], environment: environment)
        defer { _ = try? run(script, ["down", "--state", state.path], environment: environment) }
        guard up.status == 0 else { throw VMLabError.failed("Scripts/lab up failed (\(up.status)):\n\(up.output)") }
        let data = try Data(contentsOf: state.appendingPathComponent("servers.json"))
        guard let servers = try JSONSerialization.jsonObject(with: data) as? [[String: Any]],
              let ipmi = servers.first?["ipmi"] as? [String: Any], let port = ipmi["port"] as? Int,
              let passwordFile = ipmi["passwordFile"] as? String,
              let serial = servers.first?["serial"] as? [String: Any], let log = serial["logFile"] as? String
        else { throw VMLabError.failed("unexpected servers.json: \(String(decoding: data, as: UTF8.self))") }
        let lab = VMLab(state: state, ipmiPort: port, passwordFile: passwordFile, serialLog: URL(fileURLWithPath: log))
        return try await body(lab)
    }

    static func run(_ script: URL, _ arguments: [String], environment: [String: String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = script
        process.arguments = arguments
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        // Reap it ourselves: Foundation's SIGCHLD monitor was seen to miss this script's exit
        // (its many setsid'd grandchildren), leaving waitUntilExit() blocked on a zombie.
        var status: Int32 = 0
        let pid = process.processIdentifier
        var reaped: pid_t = -1
        repeat { reaped = waitpid(pid, &status, 0) } while reaped == -1 && errno == EINTR
        let exitStatus: Int32
        if reaped == pid {
            exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        } else {
            process.waitUntilExit()  // Foundation reaped it first.
            exitStatus = process.terminationStatus
        }
        return (exitStatus, String(decoding: output, as: UTF8.self))
    }

    enum VMLabError: Error, CustomStringConvertible {
        case failed(String)
        var description: String {
            switch self {
            case .failed(let reason): reason
            }
        }
    }
}
