import Foundation
import KernelTesting
#if canImport(Glibc)
import Glibc
#endif

/// A standalone OpenIPMI `ipmi_sim` on 127.0.0.1 in a private temporary directory: it writes
/// its own lan.conf, sim.emu and chassis-control script there, wires SOL to an in-process
/// ``SerialPeer``, and stops ipmi_sim by PID. Ports are free ones unless given.
final class IPMISimulatorLab: @unchecked Sendable {
    static let ipmiSimPath = "/usr/bin/ipmi_sim"
    static let ipmitoolPath = "/usr/bin/ipmitool"
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: ipmiSimPath) }
    static var hasIPMITool: Bool { FileManager.default.isExecutableFile(atPath: ipmitoolPath) }

    /// Users (name, password, privilege) the lab's BMC knows.
    static let users = [("admin", "password", "admin"), ("operator", "operpass", "operator"), ("viewer", "viewpass", "user")]

    let port: Int
    let serial: SerialPeer
    let directory: URL
    private var process: Process?

    var powerFile: URL { directory.appendingPathComponent("power") }
    /// Every byte that reached the host's serial port.
    var serialInput: [UInt8] { serial.received }

    private init(port: Int, serial: SerialPeer, directory: URL) {
        self.port = port
        self.serial = serial
        self.directory = directory
    }

    /// Runs `body` with a fresh simulator and always stops it afterwards.
    static func with<T>(port: Int? = nil, _ body: (IPMISimulatorLab) async throws -> T) async throws -> T {
        let lab = try await start(port: port ?? FreePort.findUDP())
        do {
            let result = try await body(lab)
            await lab.stop()
            return result
        } catch {
            await lab.stop()
            throw error
        }
    }

    static func start(port: Int) async throws -> IPMISimulatorLab {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ipmi-lab-\(port)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("state"), withIntermediateDirectories: true)
        let serial = try await SerialPeer.start()
        let lab = IPMISimulatorLab(port: port, serial: serial, directory: directory)
        do {
            try "0\n".write(to: lab.powerFile, atomically: true, encoding: .utf8)
            try lab.writeConfiguration(chassis: ChassisControlScript.install(in: directory))
            try lab.launch()
            try await waitUntil("ipmi_sim on udp \(port)") { PresenceProbe.answers(port: port) }
            try await waitUntil("ipmi_sim's SOL connection to the serial peer") { serial.isConnected }
        } catch {
            await lab.stop()
            throw error
        }
        return lab
    }

    private func writeConfiguration(chassis: String) throws {
        let auths = "none md2 md5 straight"
        let users = Self.users.enumerated().map { index, user in
            "  user \(index + 2) true \"\(user.0)\" \"\(user.1)\" \(user.2) 10 \(auths)"
        }.joined(separator: "\n")
        let lan = """
        name "ipmi-lab"
        set_working_mc 0x20
          startlan 1
            addr 127.0.0.1 \(port)
            priv_limit admin
            allowed_auths_callback \(auths)
            allowed_auths_user \(auths)
            allowed_auths_operator \(auths)
            allowed_auths_admin \(auths)
            guid a123456789abcdefa123456789abcdef
          endlan
          chassis_control "\(chassis) \(powerFile.path)"
        \(users)
          sol "tcp:127.0.0.1:\(serial.port)" 115200

        """
        let emu = """
        mc_setbmc 0x20
        mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr
        sel_enable 0x20 1000 0x0a
        mc_enable 0x20

        """
        try lan.write(to: directory.appendingPathComponent("lan.conf"), atomically: true, encoding: .utf8)
        try emu.write(to: directory.appendingPathComponent("sim.emu"), atomically: true, encoding: .utf8)
    }

    private func launch() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.ipmiSimPath)
        process.arguments = [
            "-c", directory.appendingPathComponent("lan.conf").path, "-f", directory.appendingPathComponent("sim.emu").path,
            "-s", directory.appendingPathComponent("state").path, "-n",
        ]
        let logURL = directory.appendingPathComponent("ipmi-sim.log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let handle = try FileHandle(forWritingTo: logURL)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
    }

    /// SIGTERM ipmi_sim by PID, SIGKILL after 0.3 s (it lingers ~1.5 s on SIGTERM); then the peer.
    func stop() async {
        if let process, process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(0.3)
            while process.isRunning, Date() < deadline {
                usleep(20_000)
            }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        process = nil
        await serial.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    var power: Bool {
        (try? String(contentsOf: powerFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    func setPower(_ on: Bool) throws {
        try (on ? "1\n" : "0\n").write(to: powerFile, atomically: true, encoding: .utf8)
    }

    /// Polls `condition` every 50 ms until it holds (bounded by `timeoutSeconds`).
    static func waitUntil(
        _ what: String, timeoutSeconds: Double = 10, _ condition: @Sendable () async -> Bool
    ) async throws {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        for _ in 0..<Int(timeoutSeconds * 20) where Date() < deadline {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw LabError.timeout(what)
    }

    enum LabError: Error, CustomStringConvertible {
        case timeout(String)
        var description: String {
            switch self {
            case .timeout(let what): return "timed out waiting for \(what)"
            }
        }
    }
}
