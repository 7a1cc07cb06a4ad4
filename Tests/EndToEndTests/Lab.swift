import Foundation
import KernelTesting

/// The project's virtual lab (`Scripts/lab`), started in its own state folder on its own port
/// bases so it never meets a lab a developer is running: QEMU VMs, each with `ipmi_sim`
/// (power, SOL) and a VNC server with a password.
struct Lab: Sendable {
    struct Server: Decodable, Sendable {
        struct IPMI: Decodable, Sendable {
            let host: String
            let port: Int
            let username: String
            let passwordFile: String
        }
        struct VNC: Decodable, Sendable {
            let host: String
            let port: Int
            let passwordFile: String
        }
        /// The lab's Redfish emulator (sushy-tools, fake driver) and this server's system in it.
        struct Redfish: Decodable, Sendable {
            let url: String
            let username: String
            let passwordFile: String
            let systemId: String
            let certificateFile: String
        }
        let name: String
        let ipmi: IPMI
        let vnc: VNC
        let redfish: Redfish?
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Port bases far from the lab's defaults (9640, 5910, ...) and from ephemeral ports.
    static let environment = [
        "TETHER_LAB_IPMI_BASE": "19640", "TETHER_LAB_VNC_BASE": "15910", "TETHER_LAB_WS_BASE": "15750",
        "TETHER_LAB_SERIAL_BASE": "19710", "TETHER_LAB_LINK_BASE": "19010", "TETHER_LAB_REDFISH_PORT": "18000",
    ]

    let state: URL
    let servers: [Server]

    /// Whether the lab can run here (Scripts/setup built the VM image).
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: "/var/cache/tether-lab/vm/vmlinuz") }

    static func up(servers count: Int) async throws -> Lab {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("tether-e2e-lab-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let log = state.appendingPathComponent("lab-up.log").path
        let status = try await ChildProcess.run(script, ["up", "--servers", "\(count)", "--state", state.path], environment: environment, log: log, timeout: .seconds(180))
        guard status == 0 else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            await Lab(state: state, servers: []).down()
            throw ChildProcess.Failure(description: "Scripts/lab up exited \(status):\n\(text.suffix(3000))")
        }
        let data = try Data(contentsOf: state.appendingPathComponent("servers.json"))
        return Lab(state: state, servers: try JSONDecoder().decode([Server].self, from: data))
    }

    /// Stops exactly what `up` started (by PID) and removes the state folder.
    func down() async {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("tether-e2e-lab-down-\(UUID().uuidString.prefix(8)).log").path
        _ = try? await ChildProcess.run(Self.script, ["down", "--state", state.path], environment: Self.environment, log: log, timeout: .seconds(60))
        try? FileManager.default.removeItem(at: state)
        try? FileManager.default.removeItem(atPath: log)
    }

    static var script: String { repository.appendingPathComponent("Scripts/lab").path }

    func server(_ name: String) -> Server? { servers.first { $0.name == name } }
}
