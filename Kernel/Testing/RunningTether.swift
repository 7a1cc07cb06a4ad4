import Foundation
import Synchronization

/// A `tether` child process that keeps running while the test works with it. Its standard
/// error (the log) is collected so the test can wait for a line instead of sleeping.
public final class RunningTether: Sendable {
    private let process: Process
    private let log = OutputBuffer()
    private let lines: AsyncStream<String>
    private let exits: AsyncStream<Int32>
    private let manifest: URL?

    init(process: Process, manifest: URL?) throws {
        self.process = process
        self.manifest = manifest
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let (exits, exited) = AsyncStream<Int32>.makeStream()
        self.exits = exits
        process.terminationHandler = { exited.yield($0.terminationStatus); exited.finish() }
        let (stream, continuation) = AsyncStream<String>.makeStream()
        lines = stream
        let log = self.log
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                continuation.finish()
                return
            }
            let text = String(decoding: data, as: UTF8.self)
            log.append(text)
            continuation.yield(text)
        }
        try process.run()
    }

    /// The process ID.
    public var pid: Int32 { process.processIdentifier }

    /// Everything logged so far.
    public var output: String { log.text }

    /// Waits until the log contains `text`.
    /// - Throws: when the process ends or `timeout` passes first.
    public func waitForLog(_ text: String, timeout: Duration) async throws {
        _ = try await waitForLog("\"\(text)\"", timeout: timeout) { $0.contains(text) ? true : nil }
    }

    /// Waits until the log contains every one of `texts`.
    /// - Throws: when the process ends or `timeout` passes first.
    public func waitForLog(all texts: [String], timeout: Duration) async throws {
        _ = try await waitForLog("\(texts)", timeout: timeout) { log in texts.allSatisfy(log.contains) ? true : nil }
    }

    /// Waits until `extract` finds what it looks for in the log (all of it so far) and returns that.
    /// - Throws: when the process ends or `timeout` passes first; the error names `what`.
    public func waitForLog<Found: Sendable>(
        _ what: String, timeout: Duration, extract: @escaping @Sendable (String) -> Found?
    ) async throws -> Found {
        if let found = extract(output) { return found }
        let found = await withTaskGroup(of: Found?.self) { group in
            group.addTask { [lines] in
                for await _ in lines { if let found = extract(self.output) { return found } }
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
        if let found = found ?? extract(output) { return found }
        throw TetherProcessError(message: "no \(what) in the log of pid \(pid) within \(timeout); log:\n\(output.suffix(2000))")
    }

    /// Waits for the process to exit on its own, sending SIGTERM once `timeout` has passed.
    /// - Returns: the exit status.
    public func exitStatus(timeout: Duration) async -> Int32 {
        let killer = Task { [process] in
            try await Task.sleep(for: timeout)
            process.terminate()
        }
        defer { killer.cancel() }
        var status: Int32 = -1
        for await code in exits { status = code }
        return status
    }

    /// Sends SIGTERM and waits for the exit status.
    @discardableResult
    public func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        if let manifest { try? FileManager.default.removeItem(at: manifest) }
        return process.terminationStatus
    }

    /// Sends SIGKILL.
    public func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Stops the process without waiting for anything else (for `defer`).
    public func terminate() { stop() }
}

/// A child process did not do what the test waited for.
public struct TetherProcessError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}

extension TetherProcess {
    /// Starts `tether` with `arguments`; a `-` argument is replaced by a temporary file
    /// holding `yaml`.
    public static func start(_ arguments: [String], yaml: String? = nil, environment: [String: String]? = nil) async throws -> RunningTether {
        var manifest: URL?
        var arguments = arguments
        if let yaml, let index = arguments.firstIndex(of: "-") {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("tether-\(UUID().uuidString).yaml")
            try yaml.write(to: file, atomically: true, encoding: .utf8)
            arguments[index] = file.path
            manifest = file
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let environment { process.environment = environment }
        return try RunningTether(process: process, manifest: manifest)
    }
}

/// Text collected from a child process's output, readable while it grows.
final class OutputBuffer: Sendable {
    private let storage = Mutex("")
    func append(_ text: String) { storage.withLock { $0 += text } }
    var text: String { storage.withLock { $0 } }
}
