import Foundation
import GatewayTesting
import HummingbirdWSClient
import NIOCore

/// One side of a console session as a test drives it: what arrived, and what to send.
struct ConsoleScript {
    var messages: WebSocketInboundMessageStream.AsyncIterator
    let outbound: WebSocketOutboundWriter
    /// Control messages received so far, in order.
    var controls: [ControlMessage] = []
    /// Console bytes received so far.
    var bytes: [UInt8] = []
    /// The session ended (the server closed).
    var ended = false

    /// Expects `state: live`, then the lease, then the console's banner.
    mutating func readGreeting() async throws {
        guard try await nextControl()?.state == "live" else { throw TestFailure("no live state first: \(controls)") }
        guard try await nextControl()?.type == "lease" else { throw TestFailure("no lease message: \(controls)") }
    }

    /// The next message; console bytes are collected, control messages recorded.
    @discardableResult
    mutating func next() async throws -> WebSocketMessage? {
        guard let message = try await messages.next() else {
            ended = true
            return nil
        }
        switch message {
        case .binary(let buffer): bytes += Array(buffer.readableBytesView)
        case .text(let text): controls.append(try JSONDecoder().decode(ControlMessage.self, from: Data(text.utf8)))
        }
        return message
    }

    /// The next control message, collecting console bytes on the way; nil when the session ends.
    mutating func nextControl() async throws -> ControlMessage? {
        let seen = controls.count
        while controls.count == seen {
            guard try await next() != nil else { return nil }
        }
        return controls.last
    }

    /// Reads until `count` console bytes have arrived in all (bounded by the caller's deadline).
    mutating func readBytes(untilTotal count: Int) async throws {
        while bytes.count < count {
            guard try await next() != nil else { throw TestFailure("session ended after \(bytes.count) of \(count) bytes") }
        }
    }

    /// Reads until the console output contains `text`.
    mutating func read(until text: String) async throws {
        while !String(decoding: bytes, as: UTF8.self).contains(text) {
            guard try await next() != nil else { throw TestFailure("session ended before \"\(text)\"; got \(String(decoding: bytes, as: UTF8.self))") }
        }
    }

    /// Reads until the server closes.
    mutating func readToEnd() async throws {
        while try await next() != nil {}
    }

    func send(_ text: String) async throws {
        try await outbound.write(.binary(ByteBuffer(string: text)))
    }

    func send(bytes: [UInt8]) async throws {
        try await outbound.write(.binary(ByteBuffer(bytes: bytes)))
    }

    func control(_ json: String) async throws {
        try await outbound.write(.text(json))
    }
}

/// A control message from the gateway.
struct ControlMessage: Decodable, Equatable, Sendable {
    let type: String
    var state: String?
    var reason: String?
    var error: String?
    var message: String?
    var expiresAt: Int64?
}
