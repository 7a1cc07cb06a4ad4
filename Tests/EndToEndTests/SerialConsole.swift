import Foundation
import HTTPTypes
import HummingbirdTLS
import HummingbirdWSClient
import Logging
import NIOCore
import NIOSSL
import Synchronization

/// The gateway's WebSocket serial console as a browser or the CLI uses it: sends a line,
/// collects console bytes until a text shows up.
enum SerialConsole {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Opens the console of `server`, types `line` + Enter and returns everything read until
    /// `expected` appeared (at most `limit`).
    static func type(
        _ line: String, expecting expected: String, gateway: String, server: String, token: String, caFile: String,
        limit: Duration = .seconds(30)
    ) async throws -> String {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        var configuration = WebSocketClientConfiguration(maxFrameSize: 1 << 20, additionalHeaders: headers, closeTimeout: .seconds(5))
        configuration.sniHostname = "localhost"
        let url = gateway.replacingOccurrences(of: "https://", with: "wss://") + "/v1/servers/\(server)/console/serial"
        let settings = configuration
        let trust = tls
        return try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                let collected = Mutex("")
                _ = try await WebSocketClient.connect(url: url, configuration: settings, tlsConfiguration: trust, logger: Logger(label: "e2e.ws")) {
                    inbound, outbound, _ in
                    try await outbound.write(.binary(ByteBuffer(string: "\r")))
                    try await outbound.write(.binary(ByteBuffer(string: line + "\r")))
                    for try await message in inbound.messages(maxSize: 1 << 22) {
                        guard case .binary(let buffer) = message else { continue }
                        let done = collected.withLock { seen in
                            seen += String(buffer: buffer)
                            return seen.contains(expected)
                        }
                        if done { break }
                    }
                    try await outbound.close(.normalClosure, reason: nil)
                }
                let seen = collected.withLock { $0 }
                guard seen.contains(expected) else { throw Failure(description: "the console of \(server) closed before \"\(expected)\"; saw:\n\(seen.suffix(500))") }
                return seen
            }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            guard let first else { throw Failure(description: "no \"\(expected)\" on the console of \(server) within \(limit)") }
            return first
        }
    }
}
