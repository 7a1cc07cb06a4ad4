import Foundation
import Kernel
import NIOCore

/// One viewer of a console opened through the bus: collects what arrives, types.
actor ConsoleViewerClient {
    let duplex: Duplex
    private(set) var received: [UInt8] = []
    private(set) var failure: (any Error)?
    private(set) var finished = false
    private var task: Task<Void, Never>?

    init(_ duplex: Duplex) {
        self.duplex = duplex
        Task { await self.start() }
    }

    private func start() {
        let inbound = duplex.inbound
        task = Task { [weak self] in
            do {
                for try await buffer in inbound {
                    await self?.append(Array(buffer.readableBytesView))
                }
            } catch {
                await self?.fail(error)
            }
            await self?.finish()
        }
    }

    private func append(_ bytes: [UInt8]) { received += bytes }
    private func fail(_ error: any Error) { failure = error }
    private func finish() { finished = true }

    /// Everything received, notices included.
    var text: String { String(decoding: received, as: UTF8.self) }

    /// What the console printed: the `[tether] ...` notices taken out.
    var consoleText: String { Self.strippingNotices(text) }

    /// The notices received, in order.
    var notices: [String] {
        text.matches(of: Self.noticePattern).map { String($0.output.1) }
    }

    static var noticePattern: Regex<(Substring, Substring)> { /\r\n\[tether\] ([^\r]*)\r\n/ }

    static func strippingNotices(_ text: String) -> String {
        text.replacing(noticePattern, with: "")
    }

    func type(_ text: String) async throws {
        try await duplex.outbound.write(ByteBuffer(string: text))
    }

    /// Polls (bounded) until `predicate` holds for everything received so far.
    func wait(_ what: String = "console output", timeoutSeconds: Double = 10, until predicate: @Sendable (String) -> Bool) async throws {
        try await IPMISimulatorLab.waitUntil(what, timeoutSeconds: timeoutSeconds) { predicate(await self.text) }
    }

    /// Waits until the stream ended (normally or with ``failure``).
    func waitUntilFinished(timeoutSeconds: Double = 10) async throws {
        try await IPMISimulatorLab.waitUntil("the console stream to end", timeoutSeconds: timeoutSeconds) { await self.finished }
    }

    func close() {
        duplex.close()
        task?.cancel()
    }
}
