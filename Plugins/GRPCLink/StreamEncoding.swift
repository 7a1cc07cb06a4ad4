import Foundation
import GRPCCore
import NIOCore
import StreamCompression

/// How the data of one Stream RPC's chunks is encoded, the same both ways. Negotiated per
/// stream: the dialler (always the Stream RPC's client) offers `lz4` in the request header
/// `tether-stream-encoding` when its link has `compressStreams`; the listener answers with
/// the same header in its response metadata when its own link has it too. Without both, and
/// with peers that predate compression (they neither send nor answer the header), chunks
/// carry raw bytes.
enum StreamEncoding: String, Sendable {
    case raw
    /// Each chunk's data is one `LZ4FrameCodec` frame (LZ4 block, or stored raw when LZ4
    /// cannot shrink it).
    case lz4

    static let header = "tether-stream-encoding"

    /// The dialler's offer, as request metadata.
    static func offer(_ compress: Bool, into metadata: inout Metadata) {
        if compress { metadata.addString(StreamEncoding.lz4.rawValue, forKey: header) }
    }

    /// What `metadata` (a request's offer, or a response's answer) asks for.
    static func requested(in metadata: Metadata) -> StreamEncoding {
        metadata[stringValues: header].contains { $0 == StreamEncoding.lz4.rawValue } ? .lz4 : .raw
    }

    /// The listener's decision for an offer, and the response metadata that tells the dialler.
    static func answer(offer: Metadata, compress: Bool) -> (StreamEncoding, Metadata) {
        guard compress, requested(in: offer) == .lz4 else { return (.raw, [:]) }
        var metadata = Metadata()
        metadata.addString(StreamEncoding.lz4.rawValue, forKey: header)
        return (.lz4, metadata)
    }

    /// The chunk data for `bytes` (at most ``StreamPump/maximumChunk`` of them): compressed
    /// straight from the buffer into the chunk's storage, without intermediate copies.
    func encode(_ bytes: ByteBuffer) -> Data {
        bytes.withUnsafeReadableBytes { payload in
            switch self {
            case .raw:
                return Data(payload)
            case .lz4:
                let capacity = LZ4FrameCodec.maximumEncodedLength(payloadCount: payload.count)
                guard let memory = malloc(capacity) else {
                    return Data((try? LZ4FrameCodec.encode(Array(payload), maximumFrameLength: StreamPump.maximumChunk)) ?? [])
                }
                // Never fails: a chunk is far below the codec's limit.
                let length = (try? LZ4FrameCodec.encode(
                    payload, into: UnsafeMutableRawBufferPointer(start: memory, count: capacity), maximumFrameLength: StreamPump.maximumChunk)) ?? 0
                let frame = realloc(memory, max(length, 1)) ?? memory
                return Data(bytesNoCopy: frame, count: length, deallocator: .free)
            }
        }
    }

    /// The bytes a chunk's data carries.
    /// - Throws: ``LinkProtocolError`` for data that is not exactly one valid frame.
    func decode(_ data: Data) throws(LinkProtocolError) -> ByteBuffer {
        switch self {
        case .raw:
            return ByteBuffer(bytes: data)
        case .lz4:
            do {
                return try data.withUnsafeBytes { frame in try Self.decodeFrame(frame) }
            } catch let error as LinkProtocolError {
                throw error
            } catch {
                throw .badFrame("an LZ4 stream chunk could not be decoded: \(error)")
            }
        }
    }

    /// Decompresses one whole frame straight into a new buffer.
    private static func decodeFrame(_ frame: UnsafeRawBufferPointer) throws -> ByteBuffer {
        guard let header = try LZ4FrameHeader(parsing: frame, maximumFrameLength: StreamPump.maximumChunk),
              frame.count == LZ4FrameCodec.headerLength + header.storedLength
        else {
            throw LinkProtocolError.badFrame("an LZ4 stream chunk of \(frame.count) bytes is not exactly one frame")
        }
        var buffer = ByteBufferAllocator().buffer(capacity: header.decodedLength)
        try buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: header.decodedLength) { destination in
            try LZ4FrameCodec.decode(
                stored: UnsafeRawBufferPointer(rebasing: frame[LZ4FrameCodec.headerLength...]), header: header, into: destination)
            return header.decodedLength
        }
        return buffer
    }
}
