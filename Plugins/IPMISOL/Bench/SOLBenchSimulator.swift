import Foundation
import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// An OpenIPMI `ipmi_sim` on 127.0.0.1 in a private temporary directory, its SOL wired to an
/// in-process ``SOLBenchSerialPeer``; stopped by PID. One admin user: `admin` / `password`.
final class SOLBenchSimulator: @unchecked Sendable {
    static let username = "admin"
    static let password = "password"

    let port: Int
    let serial: SOLBenchSerialPeer
    private let directory: URL
    private var process: Process?

    private init(port: Int, serial: SOLBenchSerialPeer, directory: URL) {
        self.port = port
        self.serial = serial
        self.directory = directory
    }

    /// Runs `body` with a fresh simulator and always stops it afterwards.
    static func with<T>(ipmiSim: String, _ body: (SOLBenchSimulator) async throws -> T) async throws -> T {
        let simulator = try await start(ipmiSim: ipmiSim)
        do {
            let result = try await body(simulator)
            await simulator.stop()
            return result
        } catch {
            await simulator.stop()
            throw error
        }
    }

    private static func start(ipmiSim: String) async throws -> SOLBenchSimulator {
        let port = try await freeUDPPort()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tether-bench-sol-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("state"), withIntermediateDirectories: true)
        let simulator = SOLBenchSimulator(port: port, serial: try await SOLBenchSerialPeer.start(), directory: directory)
        do {
            try simulator.writeConfiguration()
            try simulator.launch(ipmiSim)
            try await waitUntil("ipmi_sim answering RMCP presence pings on udp \(port)") {
                let pongs = try? await PresenceProber.probe(hosts: ["127.0.0.1"], port: port, timeout: .milliseconds(100))
                return pongs?.isEmpty == false
            }
            try await waitUntil("ipmi_sim's SOL connection to the serial peer") { simulator.serial.isConnected }
        } catch {
            await simulator.stop()
            throw error
        }
        return simulator
    }

    private func writeConfiguration() throws {
        let lan = """
            name "tether-bench"
            set_working_mc 0x20
              startlan 1
                addr 127.0.0.1 \(port)
                priv_limit admin
                allowed_auths_callback none md5 straight
                allowed_auths_user none md5 straight
                allowed_auths_operator none md5 straight
                allowed_auths_admin none md5 straight
                guid a123456789abcdefa123456789abcdef
              endlan
              user 2 true "\(Self.username)" "\(Self.password)" admin 10 none md5 straight
              sol "tcp:127.0.0.1:\(serial.port)" 115200

            """
        let emu = """
            mc_setbmc 0x20
            mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr
            mc_enable 0x20

            """
        try lan.write(to: directory.appendingPathComponent("lan.conf"), atomically: true, encoding: .utf8)
        try emu.write(to: directory.appendingPathComponent("sim.emu"), atomically: true, encoding: .utf8)
    }

    private func launch(_ ipmiSim: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ipmiSim)
        process.arguments = [
            "-c", directory.appendingPathComponent("lan.conf").path, "-f", directory.appendingPathComponent("sim.emu").path,
            "-s", directory.appendingPathComponent("state").path, "-n",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
    }

    /// SIGTERM ipmi_sim by PID, SIGKILL after 0.3 s (it lingers ~1.5 s on SIGTERM); then the peer.
    func stop() async {
        if let process, process.isRunning {
            process.terminate()
            for _ in 0..<15 where process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        process = nil
        await serial.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// A UDP port of 127.0.0.1 nobody has bound (the kernel's choice for port 0).
    private static func freeUDPPort() async throws -> Int {
        let channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port
        try await channel.close()
        guard let port else { throw SOLBenchError.failed("no free UDP port on 127.0.0.1") }
        return port
    }

    /// Polls `condition` every 50 ms, at most 10 s.
    private static func waitUntil(_ what: String, _ condition: () async -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        for _ in 0..<200 where ContinuousClock.now < deadline {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw SOLBenchError.timeout(what)
    }
}
