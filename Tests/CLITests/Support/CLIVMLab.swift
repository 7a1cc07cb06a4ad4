import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One QEMU VM behind its own ipmi_sim (`Scripts/lab up --servers 1`) in a private state
/// folder on free ports, stopped with `Scripts/lab down`; as the IPMISOL VM tests start it.
struct CLIVMLab: Sendable {
    static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/qemu-system-x86_64") && FileManager.default.isExecutableFile(atPath: "/usr/bin/ipmi_sim")
            && script != nil
    }

    /// `Scripts/lab` of this repository, or `TETHER_LAB_SCRIPT`.
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

    let bmc: ControlPlane.BMC

    static func with<T>(_ body: (CLIVMLab) async throws -> T) async throws -> T {
        guard let script else { throw CLITestError("Scripts/lab not found; set TETHER_LAB_SCRIPT") }
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("cli-lab-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["TETHER_LAB_IPMI_BASE"] = "\(LoopbackPorts.freeUDP() - 1)"
        for name in ["VNC", "WS", "SERIAL", "LINK"] {
            environment["TETHER_LAB_\(name)_BASE"] = "\(LoopbackPorts.freeTCP() - 1)"
        }
        environment["TETHER_LAB_REDFISH_PORT"] = "\(LoopbackPorts.freeTCP())"
        let up = try run(script, ["up", "--servers", "1", "--state", state.path], environment: environment)
        defer {
            _ = try? run(script, ["down", "--state", state.path], environment: environment)
            try? FileManager.default.removeItem(at: state)
        }
        guard up.status == 0 else { throw CLITestError("Scripts/lab up failed (\(up.status)):\n\(up.output)") }
        let data = try Data(contentsOf: state.appendingPathComponent("servers.json"))
        guard let servers = try JSONSerialization.jsonObject(with: data) as? [[String: Any]],
            let ipmi = servers.first?["ipmi"] as? [String: Any], let port = ipmi["port"] as? Int,
            let passwordFile = ipmi["passwordFile"] as? String
        else { throw CLITestError("unexpected servers.json: \(String(decoding: data, as: UTF8.self))") }
        return try await body(CLIVMLab(bmc: .init(port: port, passwordFile: passwordFile)))
    }

    /// Runs the lab script to its end and reaps it with waitpid (its setsid'd grandchildren
    /// once kept Foundation from seeing the exit).
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
        var status: Int32 = 0
        let pid = process.processIdentifier
        var reaped: pid_t = -1
        repeat { reaped = waitpid(pid, &status, 0) } while reaped == -1 && errno == EINTR
        let exitStatus: Int32
        if reaped == pid {
            exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        } else {
            process.waitUntilExit()
            exitStatus = process.terminationStatus
        }
        return (exitStatus, String(decoding: output, as: UTF8.self))
    }
}
