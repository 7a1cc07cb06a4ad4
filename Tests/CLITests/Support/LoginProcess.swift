import Foundation

/// `tether login --no-browser` running while the test plays the browser: its standard error
/// carries the URL to open.
final class LoginProcess: Sendable {
    private let process: Process
    private let errorText = TextBuffer()
    private let changes: AsyncStream<Void>
    private let exited: AsyncStream<Int32>

    init(environment: [String: String]) throws {
        process = Process()
        process.executableURL = CLIBinary.url
        process.arguments = ["login", "--no-browser", "--timeout", "60"]
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardError = pipe
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        changes = stream
        let errorText = self.errorText
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                continuation.finish()
                return
            }
            errorText.append(String(decoding: data, as: UTF8.self))
            continuation.yield()
        }
        let (exits, exitContinuation) = AsyncStream<Int32>.makeStream()
        exited = exits
        process.terminationHandler = { exitContinuation.yield($0.terminationStatus); exitContinuation.finish() }
        try process.run()
    }

    var errors: String { errorText.text }

    /// The indented URL line the CLI prints.
    func awaitAuthorizationURL(timeout: Duration) async throws -> String {
        func url() -> String? {
            errors.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix("http") }
        }
        let found = await withTaskGroup(of: String?.self) { group in
            group.addTask { [changes] in
                if let found = url() { return found }
                for await _ in changes { if let found = url() { return found } }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let found else { throw CLITestError("tether login printed no URL within \(timeout): \(errors)") }
        return found
    }

    func exitStatus(timeout: Duration) async throws -> Int32 {
        let killer = Task {
            try await Task.sleep(for: timeout)
            process.terminate()
        }
        defer { killer.cancel() }
        var status: Int32 = -1
        for await code in exited { status = code }
        return status
    }

    func kill() {
        if process.isRunning { process.terminate() }
    }
}
