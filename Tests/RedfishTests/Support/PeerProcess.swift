import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A peer process this test started: its output goes to a log file; it is stopped by its
/// PID (SIGTERM, then SIGKILL after 5 s). The child inherits the test process's blocked
/// signal mask, so each Python launcher unblocks SIGTERM first.
/// `@unchecked`: `Process` is not marked Sendable; only its thread-safe `isRunning` is used after start.
final class PeerProcess: @unchecked Sendable {
    let name: String
    let pid: Int32
    let log: URL
    private let process: Process

    /// Starts `executable arguments...` and waits (bounded) until it accepts TCP on `port`.
    init(name: String, executable: String, arguments: [String], environment: [String: String]? = nil, port: Int, folder: URL) throws {
        let log = folder.appendingPathComponent("\(name).log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw PeerError("cannot create \(log.path)") }
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.name = name
        self.pid = process.processIdentifier
        self.log = log
        self.process = process
        let deadline = Date().addingTimeInterval(30)
        while !TestPorts.accepts(port) {
            guard process.isRunning else {
                throw PeerError("\(name) exited with \(process.terminationStatus) before listening on \(port):\n\(tail())")
            }
            guard Date() < deadline else {
                stop()
                throw PeerError("\(name) did not listen on 127.0.0.1:\(port) within 30 s:\n\(tail())")
            }
            usleep(50_000)  // polling a port: there is no readiness signal to wait on
        }
    }

    /// The last lines of the peer's output, for failure messages.
    func tail(_ lines: Int = 20) -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    /// Stops the process by its PID and waits (bounded) for it to exit.
    func stop() {
        guard process.isRunning else { return }
        kill(pid, SIGTERM)
        for _ in 0..<100 where process.isRunning { usleep(50_000) }
        if process.isRunning {
            kill(pid, SIGKILL)
            for _ in 0..<40 where process.isRunning { usleep(50_000) }
        }
    }

    deinit { stop() }
}
