import Foundation
import HTTPTypes
import Logging
import NIOCore
import WSClient

/// Reads a serial console's WebSocket without writing to it: scrollback, then live output,
/// until the console is quiet for `quiet` (nil: until the gateway closes or the process is
/// stopped). Console bytes go to standard output as they are (or as JSON with `-o json`).
struct ConsoleLogReader {
    let url: String
    let token: String
    let server: String
    let quiet: Duration?
    let format: OutputFormat

    /// Upper bound on a non-following read, however chatty the console.
    static let maximumReadTime = Duration.seconds(120)

    struct Chunk: Codable {
        var server: String
        var text: String
        var bytes: Int
    }

    func run() async throws {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        let activity = ConsoleLogActivity()
        let close: WebSocketCloseFrame?
        do {
            close = try await WebSocketClient.connect(
                url: url, configuration: .init(maxFrameSize: 1 << 20, additionalHeaders: headers), tlsConfiguration: try CLITrust.tlsConfiguration(),
                logger: Logger(label: "tether.log")
            ) { inbound, _, _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await message in inbound.messages(maxSize: 1 << 20) {
                            guard case .binary(let buffer) = message else { continue }
                            let bytes = Array(buffer.readableBytesView)
                            activity.touch()
                            emit(bytes, activity: activity)
                        }
                    }
                    if let quiet {
                        group.addTask {
                            let started = ContinuousClock.now
                            while ContinuousClock.now - started < Self.maximumReadTime {
                                let due = activity.lastActivity + quiet
                                if ContinuousClock.now >= due { return }
                                try await Task.sleep(until: due)
                            }
                        }
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError.unreachable("console log of \(server) failed: \(error) (check the gateway URL and that it runs)")
        }
        if quiet != nil, format != .table {
            let bytes = activity.keptBytes
            try OutputPrinter(format: format).print(Chunk(server: server, text: String(decoding: bytes, as: UTF8.self), bytes: bytes.count)) { [] }
        }
        if let close, close.closeCode != .normalClosure, let reason = close.reason, !reason.isEmpty, quiet == nil {
            FileHandleOutput.standardError("tether: console log ended: \(reason)")
        }
    }

    /// Prints a chunk now (table, or JSON lines when following) or keeps it for the one JSON/YAML answer.
    private func emit(_ bytes: [UInt8], activity: ConsoleLogActivity) {
        switch (format, quiet) {
        case (.table, _):
            FileHandleOutput.standardOutput(bytes)
        case (_, nil):
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            if let line = try? encoder.encode(Chunk(server: server, text: String(decoding: bytes, as: UTF8.self), bytes: bytes.count)) {
                FileHandleOutput.standardOutput(Array(line) + [0x0A])
            }
        default:
            activity.keep(bytes)
        }
    }
}
