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
    public static func run(_ arguments: [String], timeout: Duration = .seconds(60), environment: [String: String]? = nil) async throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let exited = AsyncStream<Int32> { continuation in
            process.terminationHandler = { continuation.yield($0.terminationStatus); continuation.finish() }
        }
        try process.run()
        let killer = Task {
            try await Task.sleep(for: timeout)
            process.terminate()
        }
        defer { killer.cancel() }
        async let output = out.fileHandleForReading.readToEnd()
        async let errors = err.fileHandleForReading.readToEnd()
        var status: Int32 = -1
        for await code in exited { status = code }
        return Result(
            status: status,
            standardOutput: String(decoding: (try await output) ?? Data(), as: UTF8.self),
            standardError: String(decoding: (try await errors) ?? Data(), as: UTF8.self))
    }
}
