import VNCTesting
import Foundation

/// A QEMU (TCG, no guest kernel: SeaBIOS + sgabios text) with its VNC server on 127.0.0.1,
/// started in its own temporary directory and stopped by PID. `start` returns once the BIOS
/// has finished printing, so the screen is a stable 720x400 text console.
struct QEMUVNCServer {
    enum Security {
        case none
        /// `password=on`, password set through the HMP monitor (`change vnc password`).
        case password(String)
        /// VeNCrypt with anonymous TLS (`tls-creds-anon`).
        case anonymousTLS
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let name: String
    let port: Int
    let pid: Int32
    let directory: URL

    /// Whether the real-peer tests run; set RFB_SKIP_REAL_PEER=1 where QEMU cannot be installed.
    static var isEnabled: Bool { ProcessInfo.processInfo.environment["RFB_SKIP_REAL_PEER"] != "1" }

    /// Starts QEMU with VNC display `port - 5900`. `-daemonize` returns only once QEMU is
    /// initialised and listening, which is the readiness signal.
    static func start(name: String, port: Int, security: Security = .none) async throws -> QEMUVNCServer {
        guard let qemu = ExternalProcess.which("qemu-system-x86_64") else {
            throw Failure(description: "qemu-system-x86_64 not found: apt-get install qemu-system-x86 socat "
                + "(or set RFB_SKIP_REAL_PEER=1)")
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rfb-qemu-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pidFile = directory.appendingPathComponent("qemu.pid").path
        let monitor = directory.appendingPathComponent("qemu.mon").path

        let serial = directory.appendingPathComponent("serial.sock").path

        var vnc = "127.0.0.1:\(port - 5900)"
        // -S: start paused, so the boot message cannot be missed before the serial reader connects.
        var arguments = ["-name", name, "-machine", "pc,accel=tcg", "-m", "64", "-nic", "none",
                         "-display", "none", "-device", "sga", "-S",
                         "-chardev", "socket,id=ser0,path=\(serial),server=on,wait=off", "-serial", "chardev:ser0",
                         "-monitor", "unix:\(monitor),server=on,wait=off",
                         "-pidfile", pidFile, "-daemonize"]
        switch security {
        case .none: break
        case .password: vnc += ",password=on"
        case .anonymousTLS:
            arguments += ["-object", "tls-creds-anon,id=tls0,endpoint=server"]
            vnc += ",tls-creds=tls0"
        }
        arguments += ["-vnc", vnc]

        let outcome = try await ExternalProcess.run(qemu, arguments, timeout: .seconds(30))
        guard outcome.status == 0 else {
            throw Failure(description: "QEMU failed to start (status \(outcome.status)): \(outcome.output)")
        }
        let pidText = try String(contentsOfFile: pidFile, encoding: .utf8)
        guard let pid = Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure(description: "QEMU pid file holds \(pidText)")
        }
        let server = QEMUVNCServer(name: name, port: port, pid: pid, directory: directory)
        do {
            if case .password(let password) = security {
                try await server.monitor("change vnc password \(password)")
            }
            // SeaBIOS's last boot attempt (mirrored to serial by sgabios; its final line,
            // "No bootable device.", is not mirrored). The VGA text screen (720x400) is then
            // complete and stays unchanged until the retry 60 s later.
            try await QEMUSerialConsole.wait(for: "Could not read from CDROM", socketPath: serial) {
                try await server.monitor("cont")
            }
        } catch {
            await server.stop()
            throw error
        }
        return server
    }

    /// Starts QEMU, runs `body`, and stops QEMU whether `body` succeeds or throws.
    static func with<Result>(
        name: String, port: Int, security: Security = .none,
        _ body: (QEMUVNCServer) async throws -> Result
    ) async throws -> Result {
        let server = try await start(name: name, port: port, security: security)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Sends one HMP command through socat; QEMU answers and closes when stdin ends.
    func monitor(_ command: String) async throws {
        guard let socat = ExternalProcess.which("socat") else { throw Failure(description: "socat not found") }
        let path = directory.appendingPathComponent("qemu.mon").path
        let outcome = try await ExternalProcess.run(socat, ["-t", "5", "-", "UNIX-CONNECT:\(path)"],
                                                    input: command + "\n", timeout: .seconds(10))
        guard outcome.status == 0, !outcome.output.contains("Error") else {
            throw Failure(description: "HMP '\(command.split(separator: " ").prefix(3).joined(separator: " "))' failed: \(outcome.output)")
        }
    }

    /// Stops QEMU by PID and removes the directory. QEMU is not our child (it daemonized), so
    /// there is no exit notification to wait on: poll for the PID to vanish, bounded to 5 s.
    func stop() async {
        kill(pid, SIGTERM)
        for _ in 0..<250 where isRunning {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if isRunning { kill(pid, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Alive and not a zombie (a container's PID 1 may never reap the daemonized QEMU).
    var isRunning: Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let afterName = stat.range(of: ") ", options: .backwards)
        else { return false }
        return stat[afterName.upperBound...].first != "Z"
    }
}
