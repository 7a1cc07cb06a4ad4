import Foundation
import GRPCCore
import Kernel
import NIOCore

/// Carries one byte stream between a local duplex end and a Stream RPC.
///
/// Back-pressure in both directions without buffers of our own: the next chunk is read from
/// the RPC only after the local reader took the previous one, and the next local buffer is
/// taken only after the RPC writer accepted the previous one (HTTP/2 flow control). Each
/// direction ends with an explicit end or error chunk, so a clean end is never mistaken for
/// a broken connection.
enum StreamPump {
    /// The largest chunk put on the wire; bigger local buffers are split.
    static let maximumChunk = 256 * 1024

    /// Pumps both directions until both ended (the server side of a Stream RPC).
    static func run(
        local: Duplex, incoming: RPCAsyncSequence<WireChunk, any Error>, encoding: StreamEncoding,
        write: @escaping @Sendable (WireChunk) async throws -> Void
    ) async throws {
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await up(from: local.inbound, encoding: encoding, write: write) }
                group.addTask {
                    do {
                        try await down(from: incoming, to: local.outbound, encoding: encoding)
                    } catch {
                        // The remote side is gone: the local writer must learn now, not when
                        // (or if) the RPC's writer notices; `up` then ends as its reader closes.
                        abandon(local)
                        throw error
                    }
                }
                try await group.waitForAll()
            }
        } catch {
            abandon(local)
            throw error
        }
    }

    /// Local → remote: every buffer the local end produces, then an end chunk; an error
    /// chunk when the local end failed.
    static func up(from reader: ByteStreamReader, encoding: StreamEncoding, write: (WireChunk) async throws -> Void) async throws {
        var buffers = reader.makeAsyncIterator()
        while true {
            let next: ByteBuffer?
            do {
                next = try await buffers.next()
            } catch {
                var failure = WireChunk()
                failure.error = BusErrorText.encode(.wrapping(error))
                try await write(failure)
                return
            }
            guard var buffer = next else { break }
            while buffer.readableBytes > 0 {
                guard let slice = buffer.readSlice(length: min(buffer.readableBytes, maximumChunk)) else { break }
                var chunk = WireChunk()
                chunk.data = encoding.encode(slice)
                try await write(chunk)
            }
        }
        var end = WireChunk()
        end.end = true
        try await write(end)
    }

    /// Remote → local: each chunk's data, then finish or fail as the remote said.
    ///
    /// With `untilRPCEnds` (the client side) it then keeps reading until the server ends the
    /// RPC: a client that returned at the end chunk would reset the stream and drop its own
    /// last chunks still waiting for flow-control window.
    /// - Throws: ``BusError/streamClosed`` when the local reader has gone (the caller
    ///   cancels the RPC so the remote writer learns it), or the RPC's error.
    static func down(
        from incoming: RPCAsyncSequence<WireChunk, any Error>, to writer: ByteStreamWriter, encoding: StreamEncoding,
        untilRPCEnds: Bool = false
    ) async throws {
        var ended = false
        do {
            for try await chunk in incoming where !ended {
                if !chunk.data.isEmpty {
                    let bytes: ByteBuffer
                    do {
                        bytes = try encoding.decode(chunk.data)
                    } catch {
                        writer.fail(BusError.remote(code: "bad-frame", message: error.description))
                        ended = true
                        throw error
                    }
                    if bytes.readableBytes > 0 { try await writer.write(bytes) }
                }
                if !chunk.error.isEmpty {
                    writer.fail(BusErrorText.decode(chunk.error))
                    ended = true
                } else if chunk.end {
                    writer.finish()
                    ended = true
                }
                if ended && !untilRPCEnds { return }
            }
        } catch let error as BusError where error == .streamClosed {
            throw error
        } catch {
            if !ended { writer.fail(BusError.streamClosed) }
            throw error
        }
        if !ended { writer.fail(BusError.streamClosed) }
    }

    /// Ends the local side of a stream whose RPC broke: its reader and its writer learn at once.
    static func abandon(_ local: Duplex) {
        local.inbound.close()
        local.outbound.fail(BusError.streamClosed)
    }
}
