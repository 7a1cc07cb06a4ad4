import NIOCore

/// Sits between TLS and HTTP/2 and hands the HTTP/2 decoder each read in slices of at most
/// ``limit`` bytes.
///
/// The decoder appends every read to one buffer of its own whose capacity only ever grows
/// (to about twice the largest read it was given) and, because the frames it emitted still
/// share that buffer, copies the whole capacity on each later append (copy-on-write). TLS
/// hands on everything it decrypted from a burst at once (hundreds of KiB during a bulk
/// stream), so after one stream every small read of a remote ask copied that much: asks took
/// 3-5 times longer than before the stream. Slices no larger than one TLS record keep that
/// buffer at a few tens of KiB. The slices are not copied: the decoder copies them anyway.
final class ReadSizeCap: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// One TLS record's worth of plaintext, also HTTP/2's default largest frame.
    static let limit = 16 * 1024

    init() {}

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        guard buffer.readableBytes > Self.limit else {
            context.fireChannelRead(data)
            return
        }
        for slice in Self.slices(of: buffer) {
            context.fireChannelRead(wrapInboundOut(slice))
        }
    }

    /// `buffer`'s readable bytes in order, in slices of at most ``limit`` bytes (none when
    /// it is empty). Pure.
    static func slices(of buffer: ByteBuffer, limit: Int = ReadSizeCap.limit) -> [ByteBuffer] {
        var rest = buffer
        var slices: [ByteBuffer] = []
        slices.reserveCapacity((rest.readableBytes + limit - 1) / max(limit, 1))
        while rest.readableBytes > 0, let slice = rest.readSlice(length: min(max(limit, 1), rest.readableBytes)) {
            slices.append(slice)
        }
        return slices
    }
}
