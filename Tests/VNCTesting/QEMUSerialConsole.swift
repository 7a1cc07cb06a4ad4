import NIOCore
import NIOPosix

/// QEMU's serial port on a unix socket, read as a stream: the boot-progress signal for tests.
public enum QEMUSerialConsole {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Connects to the serial socket, runs `start` (e.g. HMP `cont` for a `-S` guest), and
    /// returns once `text` has appeared on the serial output. The socket is closed after
    /// `timeout`, which ends the wait with an error.
    public static func wait(
        for text: String,
        socketPath: String,
        timeout: TimeAmount = .seconds(20),
        after start: () async throws -> Void
    ) async throws {
        let console = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(unixDomainSocketPath: socketPath) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let channel = console.channel
        let deadline = channel.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
        defer { deadline.cancel() }
        try await console.executeThenClose { inbound, _ in
            try await start()
            var raw: [UInt8] = []
            for try await buffer in inbound {
                raw += buffer.readableBytesView
                if Self.visibleText(raw).contains(text) { return }
            }
            let seen = Self.visibleText(raw)
            throw Failure(description: "serial never showed \"\(text)\"; last output: \(seen.suffix(300))")
        }
    }

    /// The characters sgabios printed, without its ANSI cursor-positioning sequences
    /// (it positions every character, so the raw stream never contains a whole word).
    public static func visibleText(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        var inEscape = false
        for byte in bytes {
            if inEscape {
                if (0x40...0x7E).contains(byte), byte != UInt8(ascii: "[") { inEscape = false }
            } else if byte == 0x1B {
                inEscape = true
            } else {
                text.append(byte)
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
