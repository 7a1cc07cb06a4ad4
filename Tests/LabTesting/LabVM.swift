import Foundation
import KernelTesting

/// One QEMU VM behind its own ipmi_sim and VNC server, started with the project's
/// `Scripts/lab up --servers 1` in a private state folder on free ports, and stopped with
/// `Scripts/lab down` (the IPMI, CLI and browser lab tests share it).
public struct LabVM: Sendable {
    /// QEMU, ipmi_sim and `Scripts/lab` (Scripts/setup installs the first two).
    public static var isInstalled: Bool {
        ["/usr/bin/qemu-system-x86_64", "/usr/bin/ipmi_sim"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) } && script != nil
    }

    /// `Scripts/lab` of this repository, or `TETHER_LAB_SCRIPT` (a dev package outside it).
    public static var script: URL? {
        if let path = ProcessInfo.processInfo.environment["TETHER_LAB_SCRIPT"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<6 {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent("Scripts/lab")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// The lab's state folder (removed after `with`).
    public let state: URL
    public let ipmiPort: Int
    public let ipmiPasswordFile: String
    public let vncPort: Int
    public let vncPasswordFile: String

    /// Starts the lab, runs `body` with it and stops it.
    public static func with<T>(_ body: (LabVM) async throws -> T) async throws -> T {
        guard let script = script?.path else { throw LabFailure("Scripts/lab not found; set TETHER_LAB_SCRIPT") }
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("lab-vm-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        // Free ports for index 1 of each range, so a lab running elsewhere does not collide.
        var environment = ["TETHER_LAB_IPMI_BASE": "\(FreePort.findUDP() - 1)", "TETHER_LAB_REDFISH_PORT": "\(FreePort.find())"]
        for name in ["VNC", "WS", "SERIAL", "LINK"] { environment["TETHER_LAB_\(name)_BASE"] = "\(FreePort.find() - 1)" }
        do {
            let up = try await ChildProcess.runCollectingOutput(
                script, ["up", "--servers", "1", "--state", state.path], environment: environment, timeout: .seconds(180))
            guard up.status == 0 else { throw LabFailure("Scripts/lab up failed (\(up.status)):\n\(up.output.suffix(3000))") }
            let result = try await body(try LabVM(state: state))
            await down(script, state: state, environment: environment)
            return result
        } catch {
            await down(script, state: state, environment: environment)
            throw error
        }
    }

    private static func down(_ script: String, state: URL, environment: [String: String]) async {
        _ = try? await ChildProcess.runCollectingOutput(script, ["down", "--state", state.path], environment: environment, timeout: .seconds(60))
        try? FileManager.default.removeItem(at: state)
    }

    /// Reads the ports and password files `Scripts/lab up` wrote to `servers.json`.
    private init(state: URL) throws {
        let data = try Data(contentsOf: state.appendingPathComponent("servers.json"))
        guard let servers = try JSONSerialization.jsonObject(with: data) as? [[String: Any]], let server = servers.first,
              let ipmi = server["ipmi"] as? [String: Any], let ipmiPort = ipmi["port"] as? Int, let ipmiPassword = ipmi["passwordFile"] as? String,
              let vnc = server["vnc"] as? [String: Any], let vncPort = vnc["port"] as? Int, let vncPassword = vnc["passwordFile"] as? String
        else { throw LabFailure("unexpected servers.json: \(String(decoding: data, as: UTF8.self))") }
        self.state = state
        self.ipmiPort = ipmiPort
        self.ipmiPasswordFile = ipmiPassword
        self.vncPort = vncPort
        self.vncPasswordFile = vncPassword
    }

    /// The pid QEMU wrote, if that QEMU still runs (a zombie does not count).
    public var qemuPID: Int32? {
        guard let text = try? String(contentsOf: state.appendingPathComponent("lab-01-qemu.pid"), encoding: .utf8),
              let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")"),
              stat[stat.index(close, offsetBy: 2)] != "Z"
        else { return nil }
        return pid
    }
}
