import Foundation

/// A `tether run MANIFEST` child process whose log (standard error) is collected, so a test
/// waits for a log line (the signal) instead of sleeping.
final class RunningRole: Sendable {
    private let process: Process
    private let log = TextBuffer()
    private let changes: AsyncStream<Void>

    init(manifest: URL, environment: [String: String]) throws {
        process = Process()
        process.executableURL = CLIBinary.url
        process.arguments = ["run", manifest.path]
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardError = pipe
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        changes = stream
        let log = self.log
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                continuation.finish()
                return
            }
            log.append(String(decoding: data, as: UTF8.self))
            continuation.yield()
        }
        try process.run()
    }

    var output: String { log.text }

    /// Waits until every one of `texts` is in the log; throws when the process ends or `timeout` passes first.
    func waitForLog(_ texts: [String], timeout: Duration = .seconds(30)) async throws {
        let found = await withTaskGroup(of: Bool.self) { group in
            group.addTask { [changes] in
                if texts.allSatisfy(self.output.contains) { return true }
                for await _ in changes where texts.allSatisfy(self.output.contains) { return true }
                return false
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        guard found else {
            throw CLITestError("no \(texts) in the log within \(timeout):\n\(output.suffix(3000))")
        }
    }

    /// SIGTERM, then waits for the exit.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}

/// A test precondition that did not hold.
struct CLITestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
