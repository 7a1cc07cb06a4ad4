import Logging
import NIOCore

/// Serves one viewer from one BMC session: presents a plain RFB 3.8 server with security
/// type None, replays the BMC's ServerInit, then relays. Viewer-to-BMC traffic is split into
/// whole messages by `RFBClientMessageFramer` (an invalid message ends the session); BMC-to-
/// viewer traffic is forwarded unchanged.
public enum RFBViewerSession {
    /// Runs until either side closes, then closes both.
    /// - Parameters:
    ///   - viewer: a fresh connection from the viewer (nothing sent yet).
    ///   - bmc: a session from `RFBBMCConnection.connect`, not used elsewhere.
    /// - Throws: `RFBHandshakeError` from the viewer handshake, `RFBFramingError` for an
    ///   invalid viewer message, or an I/O error.
    public static func serve(
        viewer: NIOAsyncChannel<ByteBuffer, ByteBuffer>,
        bmc: RFBBMCSession,
        configuration: Configuration = Configuration(),
        logger: Logger
    ) async throws -> RFBRelayStatistics {
        try await bmc.channel.executeThenClose { bmcInbound, bmcOutbound in
            try await viewer.executeThenClose { viewerInbound, viewerOutbound in
                var viewerMessages = viewerInbound.makeAsyncIterator()
                let handshake = try await RFBViewerHandshake.run(
                    serverInit: bmc.serverInit, inbound: &viewerMessages, outbound: viewerOutbound,
                    channel: viewer.channel, timeout: configuration.handshakeTimeout
                )
                logger.debug("viewer handshake completed", metadata: ["rfb.viewer.version": "\(handshake.version)"])
                var framer = RFBClientMessageFramer(limits: configuration.limits)
                framer.append(handshake.trailingBytes)

                return try await withThrowingTaskGroup(of: Int.self) { group in
                    let viewerChannel = viewer.channel
                    group.addTask {
                        // BMC to viewer; closing the viewer afterwards ends the other direction.
                        defer { viewerChannel.close(promise: nil) }
                        var relayed = 0
                        for try await buffer in bmcInbound {
                            relayed += buffer.readableBytes
                            try await viewerOutbound.write(buffer)
                        }
                        return relayed
                    }
                    var upstream = (bytes: 0, messages: 0)
                    do {
                        upstream = try await relayViewerMessages(&viewerMessages, framer: &framer, to: bmcOutbound)
                    } catch {
                        logger.info("viewer session ended with an error", metadata: ["rfb.error": "\(error)"])
                        bmc.channel.channel.close(promise: nil)
                        throw error
                    }
                    bmc.channel.channel.close(promise: nil)
                    let downstream = (try? await group.next() ?? 0) ?? 0
                    return RFBRelayStatistics(
                        viewerVersion: handshake.version,
                        bytesFromViewer: upstream.bytes, messagesFromViewer: upstream.messages,
                        bytesFromBMC: downstream
                    )
                }
            }
        }
    }

    /// Viewer to BMC, whole messages only, until the viewer closes.
    private static func relayViewerMessages(
        _ inbound: inout NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
        framer: inout RFBClientMessageFramer,
        to outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) async throws -> (bytes: Int, messages: Int) {
        var bytes = 0
        var messages = 0
        while true {
            var batch: [UInt8] = []
            var framingError: RFBFramingError?
            do throws(RFBFramingError) {
                while let message = try framer.nextMessage() {
                    batch += message.bytes
                    messages += 1
                }
            } catch {
                framingError = error
            }
            // Valid messages that preceded an invalid one still reach the BMC, in order.
            if !batch.isEmpty {
                bytes += batch.count
                try await outbound.write(ByteBuffer(bytes: batch))
            }
            if let framingError { throw framingError }
            guard let buffer = try await inbound.next() else { return (bytes, messages) }
            framer.append(buffer.readableBytesView)
        }
    }
}
