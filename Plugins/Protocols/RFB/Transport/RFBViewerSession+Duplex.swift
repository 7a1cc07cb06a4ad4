import Kernel
import Logging
import NIOCore

extension RFBViewerSession {
    /// Serves one viewer whose end is a Kernel `Duplex` (a bus stream) from one BMC session:
    /// presents a plain RFB 3.8 server with security type None, replays the BMC's ServerInit,
    /// then relays. Viewer-to-BMC traffic passes `RFBClientMessageFramer` (an invalid message
    /// ends the session); BMC-to-viewer traffic is forwarded unchanged.
    ///
    /// Returns when the viewer closes its end; closes the BMC connection in every case.
    /// - Throws: `RFBSessionError` saying why the session ended otherwise: a failed viewer
    ///   handshake, an invalid viewer message, no user input for `configuration.idleTimeout`,
    ///   or the BMC closing or failing.
    public static func serve(
        viewer: Duplex,
        bmc: RFBBMCStream,
        configuration: Configuration = Configuration(),
        logger: Logger
    ) async throws(RFBSessionError) -> RFBRelayStatistics {
        var viewerMessages = viewer.inbound.makeAsyncIterator()
        let handshake: RFBServerHandshake.Completion
        do {
            handshake = try await RFBDuplexViewerHandshake.run(
                serverInit: bmc.serverInit, viewer: viewer, inbound: &viewerMessages,
                timeout: .nanoseconds(configuration.handshakeTimeout.nanoseconds)
            )
        } catch {
            bmc.close()
            throw .viewerHandshakeFailed(error)
        }
        logger.debug("viewer handshake completed", metadata: ["rfb.viewer.version": "\(handshake.version)"])
        var framer = RFBClientMessageFramer(limits: configuration.limits)
        framer.append(handshake.trailingBytes)

        let ending = RFBSessionEnding()
        let idleClock = RFBIdleClock()
        let (upstream, downstream) = await withTaskGroup(of: Int.self) { group in
            group.addTask { await relayBMCOutput(bmc, to: viewer, ending: ending) }
            if let idleTimeout = configuration.idleTimeout {
                group.addTask {
                    do {
                        try await idleClock.waitUntilIdle(for: .nanoseconds(idleTimeout.nanoseconds))
                    } catch {
                        return 0
                    }
                    ending.record(.failed(.idleTimeout(seconds: idleTimeout.nanoseconds / 1_000_000_000)))
                    viewer.inbound.close()
                    return 0
                }
            }
            let upstream = await relayViewerMessages(&viewerMessages, framer: &framer, to: bmc, idleClock: idleClock, ending: ending)
            bmc.close()
            viewer.inbound.close()
            group.cancelAll()
            var downstream = 0
            while let relayed = await group.next() { downstream += relayed }
            return (upstream, downstream)
        }
        switch ending.reason {
        case .viewerClosed:
            return RFBRelayStatistics(
                viewerVersion: handshake.version, bytesFromViewer: upstream.bytes,
                messagesFromViewer: upstream.messages, bytesFromBMC: downstream
            )
        case .failed(let error):
            logger.info("viewer session ended", metadata: ["rfb.reason": "\(error)"])
            throw error
        }
    }

    /// BMC to viewer, unchanged, until either side closes. Returns the bytes relayed.
    private static func relayBMCOutput(_ bmc: RFBBMCStream, to viewer: Duplex, ending: RFBSessionEnding) async -> Int {
        var relayed = 0
        do {
            if !bmc.pendingBytes.isEmpty {
                relayed += bmc.pendingBytes.count
                try await viewer.outbound.write(ByteBuffer(bytes: bmc.pendingBytes))
            }
            for try await buffer in bmc.inbound {
                relayed += buffer.readableBytes
                try await viewer.outbound.write(buffer)
            }
            ending.record(.failed(.bmcClosed))
        } catch BusError.streamClosed {
            ending.record(.viewerClosed)
        } catch {
            ending.record(.failed(.bmcFailed(detail: "\(error)")))
        }
        // Ends the viewer-to-BMC loop, which is waiting for the viewer.
        viewer.inbound.close()
        return relayed
    }

    /// Viewer to BMC, whole validated messages only, until the viewer closes or something fails.
    private static func relayViewerMessages(
        _ inbound: inout ByteStreamReader.AsyncIterator,
        framer: inout RFBClientMessageFramer,
        to bmc: RFBBMCStream,
        idleClock: RFBIdleClock,
        ending: RFBSessionEnding
    ) async -> (bytes: Int, messages: Int) {
        var bytes = 0
        var messages = 0
        while true {
            var batch: [UInt8] = []
            var framingError: RFBFramingError?
            do throws(RFBFramingError) {
                while let message = try framer.nextMessage() {
                    batch += message.bytes
                    messages += 1
                    if message.kind.isUserInput { idleClock.touch() }
                }
            } catch {
                framingError = error
            }
            // Valid messages that preceded an invalid one still reach the BMC, in order.
            if !batch.isEmpty {
                bytes += batch.count
                do {
                    try await bmc.write(ByteBuffer(bytes: batch))
                } catch {
                    ending.record(.failed(.bmcFailed(detail: "\(error)")))
                    return (bytes, messages)
                }
            }
            if let framingError {
                ending.record(.failed(.viewerProtocolError(framingError)))
                return (bytes, messages)
            }
            let buffer: ByteBuffer?
            do {
                buffer = try await inbound.next()
            } catch {
                ending.record(.failed(.viewerFailed(detail: "\(error)")))
                return (bytes, messages)
            }
            guard let buffer else {
                ending.record(.viewerClosed)
                return (bytes, messages)
            }
            framer.append(buffer.readableBytesView)
        }
    }
}
