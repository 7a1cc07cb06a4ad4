import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The lab's test VM (Debian kernel + busybox initramfs from /var/cache/tether-lab/vm) in QEMU
/// (TCG) with its VNC server on 127.0.0.1, optionally QEMU's own RFB-over-WebSocket and a VNC
/// password. The VM runs a root shell on the VGA console (tty1), so key events typed over VNC
/// show on the screen. Started in its own temporary directory and stopped by PID.
public struct TestVM: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The VNC (RFB over TCP) port.
    public let vncPort: Int
    /// QEMU's own RFB-over-WebSocket port, when enabled.
    public let webSocketPort: Int?
    public let pid: Int32
    /// Scratch folder for captures; removed by `stop()`.
    public let directory: URL

    /// Where the lab keeps the kernel and initramfs (`TETHER_TEST_VM` overrides).
    public static var imageDirectory: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["TETHER_TEST_VM"] ?? "/var/cache/tether-lab/vm")
    }

    /// Whether QEMU and the VM image are present (the real-peer suites need both).
    public static var isAvailable: Bool {
        ExternalProcess.which("qemu-system-x86_64") != nil && ExternalProcess.which("socat") != nil
            && FileManager.default.fileExists(atPath: imageDirectory.appendingPathComponent("vmlinuz").path)
    }

    /// Boots the VM and returns once its serial console shows the shell banner (busybox ash
    /// starts on ttyS0 and tty1 together). `-daemonize`
    /// returns once QEMU listens; `-S` holds the guest until the serial reader is connected.
    public static func start(name: String, vncPort: Int, webSocketPort: Int? = nil, password: String? = nil) async throws -> TestVM {
        guard let qemu = ExternalProcess.which("qemu-system-x86_64") else {
            throw Failure(description: "qemu-system-x86_64 not found: apt-get install qemu-system-x86 socat")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vnc-vm-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pidFile = directory.appendingPathComponent("qemu.pid").path
        let serial = directory.appendingPathComponent("serial.sock").path
        var vnc = "127.0.0.1:\(vncPort - 5900)"
        if let webSocketPort { vnc += ",websocket=\(webSocketPort)" }
        if password != nil { vnc += ",password=on" }
        let arguments = [
            "-name", name, "-machine", "pc,accel=tcg", "-m", "256", "-nic", "none", "-display", "none", "-S",
            "-vnc", vnc,
            "-kernel", imageDirectory.appendingPathComponent("vmlinuz").path,
            "-initrd", imageDirectory.appendingPathComponent("initrd.cpio.gz").path,
            "-append", "console=tty0 console=ttyS0,115200 quiet",
            "-chardev", "socket,id=ser0,path=\(serial),server=on,wait=off", "-serial", "chardev:ser0",
            "-monitor", "unix:\(directory.appendingPathComponent("qemu.mon").path),server=on,wait=off",
            "-pidfile", pidFile, "-daemonize",
        ]
        let outcome = try await ExternalProcess.run(qemu, arguments, timeout: .seconds(30))
        guard outcome.status == 0 else {
            try? FileManager.default.removeItem(at: directory)
            throw Failure(description: "QEMU failed to start (status \(outcome.status)): \(outcome.output)")
        }
        let pidText = try String(contentsOfFile: pidFile, encoding: .utf8)
        guard let pid = Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure(description: "QEMU pid file holds \(pidText)")
        }
        let vm = TestVM(vncPort: vncPort, webSocketPort: webSocketPort, pid: pid, directory: directory)
        do {
            if let password { try await vm.monitor("change vnc password \(password)") }
            try await QEMUSerialConsole.wait(for: "built-in commands.", socketPath: serial, timeout: .seconds(90)) {
                try await vm.monitor("cont")
            }
        } catch {
            await vm.stop()
            throw error
        }
        return vm
    }

    /// Boots the VM, runs `body`, and stops the VM whether `body` succeeds or throws.
    public static func with<Result>(
        name: String, vncPort: Int, webSocketPort: Int? = nil, password: String? = nil,
        _ body: (TestVM) async throws -> Result
    ) async throws -> Result {
        let vm = try await start(name: name, vncPort: vncPort, webSocketPort: webSocketPort, password: password)
        do {
            let result = try await body(vm)
            await vm.stop()
            return result
        } catch {
            await vm.stop()
            throw error
        }
    }

    /// Sends one HMP command through socat.
    public func monitor(_ command: String) async throws {
        guard let socat = ExternalProcess.which("socat") else { throw Failure(description: "socat not found") }
        let path = directory.appendingPathComponent("qemu.mon").path
        let outcome = try await ExternalProcess.run(socat, ["-t", "5", "-", "UNIX-CONNECT:\(path)"], input: command + "\n", timeout: .seconds(10))
        guard outcome.status == 0, !outcome.output.contains("Error") else {
            throw Failure(description: "HMP '\(command.split(separator: " ").first ?? "")' failed: \(outcome.output)")
        }
    }

    /// Stops QEMU by PID and removes the directory. QEMU daemonized, so it is not our child:
    /// poll for the PID to vanish, bounded to 5 s.
    public func stop() async {
        kill(pid, SIGTERM)
        for _ in 0..<250 where isRunning {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if isRunning { kill(pid, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Alive and not a zombie.
    var isRunning: Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let afterName = stat.range(of: ") ", options: .backwards)
        else { return false }
        return stat[afterName.upperBound...].first != "Z"
    }
}
