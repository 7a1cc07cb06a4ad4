import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process of `tether bench link` (the agent, sshd, ssh), its output in a log file
/// (no pipe to drain while it runs), stopped by PID.
/// `@unchecked`: `Process` is not `Sendable`; only its thread-safe members are used after `init`.
final class LinkBenchChild: @unchecked Sendable {
    let name: String
    let log: URL
    private let process: Process

    /// Starts `executable arguments...`, standard output and error to `log`.
    init(_ name: String, executable: String, arguments: [String], log: URL) throws {
        guard FileManager.default.isExecutableFile(atPath: executable) else { throw LinkBenchError.missingTool(executable) }
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        self.name = name
        self.log = log
        self.process = process
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// Everything it logged so far.
    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// The end of the log, for error messages.
    var logTail: String { String(logText.suffix(1500)) }

    /// SIGTERM, then SIGKILL after 2 s; first the processes it started itself (sshd's
    /// per-connection children), also by PID.
    func stop() async {
        for child in Self.children(of: pid) { await Self.stop(pid: child, isRunning: { Self.exists($0) }) }
        guard process.isRunning else { return }
        await Self.stop(pid: pid, isRunning: { [process] _ in process.isRunning })
    }

    private static func stop(pid: Int32, isRunning: (Int32) -> Bool) async {
        kill(pid, SIGTERM)
        for _ in 0..<100 where isRunning(pid) { try? await Task.sleep(for: .milliseconds(20)) }
        guard isRunning(pid) else { return }
        kill(pid, SIGKILL)
        for _ in 0..<50 where isRunning(pid) { try? await Task.sleep(for: .milliseconds(20)) }
    }

    /// The PIDs whose parent is `pid` (from /proc/<pid>/stat).
    static func children(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let child = Int32(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")")
            else { return nil }
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == pid ? child : nil
        }
    }

    /// Whether `pid` is alive and not a zombie waiting for its parent.
    private static func exists(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
    }
}
