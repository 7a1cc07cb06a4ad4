import Foundation

extension ChildProcess {
    /// Runs `executable` like ``run(_:_:environment:log:timeout:)`` with its output (standard
    /// output and error together) in a temporary log file, and returns that output.
    /// - Returns: the exit status (-1 when a signal ended it) and the output.
    public static func runCollectingOutput(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(300)
    ) async throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString.prefix(8)).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let status = try await run(executable, arguments, environment: environment, log: log, timeout: timeout)
        return (status, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }
}
