import Foundation
import KernelTesting

/// Runs the built `tether` binary (`.build/debug/tether`, or `$TETHER_BINARY`) as a child
/// process, killing it after a deadline.
public enum CLIBinary {
    public static var url: URL { TetherProcess.binary }

    public struct Result: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String

        /// Standard error without its final line break.
        public var errorLines: [String] { standardError.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    /// Runs `tether arguments...` with exactly `environment`, `input` on standard input.
    public static func run(_ arguments: [String], environment: [String: String], input: String? = nil, timeout: Duration = .seconds(60)) async throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        let stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        let exited = AsyncStream<Int32> { continuation in
            process.terminationHandler = { continuation.yield($0.terminationStatus); continuation.finish() }
        }
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
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
            status: status, standardOutput: String(decoding: (try await output) ?? Data(), as: UTF8.self),
            standardError: String(decoding: (try await errors) ?? Data(), as: UTF8.self))
    }
}
