import Logging
import NIOCore
import NIOPosix

/// Opens an authenticated RFB session to a BMC's VNC server.
///
/// The agent logs in itself, so the BMC's VNC password never leaves the agent. The returned
/// session carries the cached ServerInit (for replay to viewers) and a raw byte channel that
/// continues right after ServerInit.
public enum RFBBMCConnection {
    /// Connects, runs the client handshake and returns the session.
    /// - Throws: `RFBHandshakeError` (refused, authentication failed with the server's reason,
    ///   no usable security type, timed out, closed early) or a connection error from NIO.
    public static func connect(
        _ configuration: Configuration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger
    ) async throws -> RFBBMCSession {
        var logger = logger
        logger[metadataKey: "rfb.bmc.host"] = "\(configuration.host)"
        logger[metadataKey: "rfb.bmc.port"] = "\(configuration.port)"
        logger.debug("connecting to BMC VNC server")

        let handshakeConfiguration = configuration.handshake
        let timeout = configuration.handshakeTimeout
        let pending = try await ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(configuration.connectTimeout)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            // Framebuffer updates are large: bigger reads mean fewer hand-offs to the relay.
            .channelOption(.recvAllocator, value: AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 16 * 1024, maximum: 1024 * 1024))
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let promise = channel.eventLoop.makePromise(of: RFBClientHandshake.Completion.self)
                    let handler = RFBClientHandshakeHandler(
                        configuration: handshakeConfiguration, timeout: timeout, completion: promise
                    )
                    try channel.pipeline.syncOperations.addHandler(handler)
                    let asyncChannel = try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    return PendingSession(channel: asyncChannel, handshake: promise.futureResult)
                }
            }

        let completion: RFBClientHandshake.Completion
        do {
            completion = try await pending.handshake.get()
        } catch {
            logger.info("BMC VNC handshake failed", metadata: ["rfb.error": "\(error)"])
            try? await pending.channel.channel.close()
            throw error
        }
        logger.debug(
            "BMC VNC session ready",
            metadata: [
                "rfb.version": "\(completion.version)",
                "rfb.security": "\(completion.securityType)",
                "rfb.framebuffer": "\(completion.serverInit.framebufferWidth)x\(completion.serverInit.framebufferHeight)",
            ]
        )
        return RFBBMCSession(completion: completion, channel: pending.channel)
    }

    /// A connected channel whose handshake is still running.
    private struct PendingSession: Sendable {
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        let handshake: EventLoopFuture<RFBClientHandshake.Completion>
    }
}
