import Foundation
import KernelTesting
#if canImport(Glibc)
import Glibc
#endif

/// What the browser tests need on this machine, and the lab VM they run against: one QEMU
/// VM behind its own ipmi_sim (`Scripts/lab up --servers 1`) in a private state folder on free
/// ports, stopped with `Scripts/lab down`.
struct BrowserLab: Sendable {
    static let venvPython = (ProcessInfo.processInfo.environment["TETHER_VENV"] ?? "/opt/tether-venv") + "/bin/python"
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = packageRoot.appendingPathComponent("Scripts/lab")
    static let browserScript = packageRoot.appendingPathComponent("Scripts/webui_browser.py")

    /// Chromium, its driver, Selenium in the venv, QEMU, ipmi_sim and the xterm.js bundle (Scripts/setup).
    static var isAvailable: Bool {
        let files = [
            "/usr/bin/chromium", "/usr/bin/chromedriver", venvPython, "/usr/bin/qemu-system-x86_64", "/usr/bin/ipmi_sim",
            "/var/cache/tether-lab/xterm/xterm.bundle.js", "/usr/share/novnc/core/rfb.js",
        ]
        return files.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) || FileManager.default.isReadableFile(atPath: $0) }
    }

    let state: URL
    let ipmiPort: Int
    let ipmiPasswordFile: String
    let vncPort: Int
    let vncPasswordFile: String

    /// The pid of the VM's QEMU while it runs.
    var qemuPID: Int32? {
        guard let text = try? String(contentsOf: state.appendingPathComponent("lab-01-qemu.pid"), encoding: .utf8),
              let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), kill(pid, 0) == 0
        else { return nil }
        return pid
    }

    static func with<T>(_ body: (BrowserLab) async throws -> T) async throws -> T {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("webui-lab-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["TETHER_LAB_IPMI_BASE"] = "\(freeUDPPort() - 1)"
        for name in ["VNC", "WS", "SERIAL", "LINK"] { environment["TETHER_LAB_\(name)_BASE"] = "\(FreePort.find() - 1)" }
        environment["TETHER_LAB_REDFISH_PORT"] = "\(FreePort.find())"
        let up = try run(script, ["up", "--servers", "1", "--state", state.path], environment: environment)
        defer { _ = try? run(script, ["down", "--state", state.path], environment: environment) }
        guard up.status == 0 else { throw BrowserTestError("Scripts/lab up failed (\(up.status)):\n\(up.output.suffix(3000))") }
        let data = try Data(contentsOf: state.appendingPathComponent("servers.json"))
        guard let servers = try JSONSerialization.jsonObject(with: data) as? [[String: Any]],
              let ipmi = servers.first?["ipmi"] as? [String: Any], let ipmiPort = ipmi["port"] as? Int,
              let ipmiPassword = ipmi["passwordFile"] as? String,
              let vnc = servers.first?["vnc"] as? [String: Any], let vncPort = vnc["port"] as? Int, let vncPassword = vnc["passwordFile"] as? String
        else { throw BrowserTestError("unexpected servers.json: \(String(decoding: data, as: UTF8.self))") }
        let lab = BrowserLab(state: state, ipmiPort: ipmiPort, ipmiPasswordFile: ipmiPassword, vncPort: vncPort, vncPasswordFile: vncPassword)
        return try await body(lab)
    }

    /// Runs a program to completion; output and errors together.
    static func run(_ program: URL, _ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        // Reap it ourselves: Foundation's SIGCHLD monitor was seen to miss Scripts/lab's exit
        // (its setsid'd grandchildren), leaving waitUntilExit() blocked on a zombie.
        var status: Int32 = 0
        var reaped: pid_t = -1
        repeat { reaped = waitpid(process.processIdentifier, &status, 0) } while reaped == -1 && errno == EINTR
        let exit: Int32
        if reaped == process.processIdentifier {
            exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        } else {
            process.waitUntilExit()
            exit = process.terminationStatus
        }
        return (exit, String(decoding: output, as: UTF8.self))
    }

    /// A UDP port on 127.0.0.1 that nothing is bound to right now.
    static func freeUDPPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A browser test's precondition failed.
struct BrowserTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
