import Foundation

/// Runs the built `tether` binary as a child process, for tests that need a real process
/// (exit codes, signals, several nodes).
public struct TetherProcess: Sendable {
    /// The `tether` binary next to the test bundle (`swift build --build-tests` builds both),
    /// or `$TETHER_BINARY`.
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["TETHER_BINARY"] { return URL(fileURLWithPath: path) }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("tether")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/tether")
    }

    /// What a finished process left behind.
    public struct Result: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
    }

    /// Runs `tether arguments...` to completion, killing it after `timeout`.
    ///
    /// Output goes to temporary files read after the exit, so no thread blocks on a pipe while
    /// the child runs: a test may serve the child from this process (a gateway in a
    /// `TestNode`) with only as many cooperative threads as cores.
    public static func run(_ arguments: [String], timeout: Duration = .seconds(60), environment: [String: String]? = nil) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tether-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let exited = AsyncStream<Int32> { continuation in
            process.terminationHandler = { continuation.yield($0.terminationStatus); continuation.finish() }
        }
        try process.run()
        let killer = Task {
            try await Task.sleep(for: timeout)
            process.terminate()
        }
        defer { killer.cancel() }
        var status: Int32 = -1
        for await code in exited { status = code }
        return Result(
            status: status,
            standardOutput: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}
