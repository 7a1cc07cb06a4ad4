import Kernel
import Logging
import NIOCore

/// Logs in to a BMC's VNC server over an already connected byte stream (RFB over WebSocket),
/// running `RFBClientHandshake` until ServerInit. The TCP transport does the same inside its
/// NIO pipeline (`RFBBMCConnection`).
public enum RFBStreamLogin {
    /// Runs the client handshake over `connection` (its inbound carries the BMC's bytes).
    /// - Parameter timeout: from the first read to ServerInit; `connection` is closed when it
    ///   expires.
    /// - Returns: the session as a stream whose `close` closes `connection`.
    /// - Throws: `RFBHandshakeError` (refused, authentication failed with the server's reason,
    ///   malformed input, closed early, timed out, or `connectionFailed` wrapping the
    ///   transport's error).
    public static func login(
        over connection: Duplex,
        configuration: RFBClientHandshake.Configuration,
        timeout: Duration,
        logger: Logger
    ) async throws(RFBHandshakeError) -> RFBBMCStream {
        do {
            return try await RFBTimeout.run(timeout, onExpiry: { connection.inbound.close() }) { deadline in
                try await handshake(over: connection, configuration: configuration, deadline: deadline, timeout: timeout)
            }
        } catch let error as RFBHandshakeError {
            logger.info("BMC VNC login failed", metadata: ["rfb.error": "\(error)"])
            connection.close()
            throw error
        } catch {
            connection.close()
            throw .connectionFailed(during: "logging in", detail: "\(error)")
        }
    }

    private static func handshake(
        over connection: Duplex,
        configuration: RFBClientHandshake.Configuration,
        deadline: RFBTimeout,
        timeout: Duration
    ) async throws -> RFBBMCStream {
        var handshake = RFBClientHandshake(configuration: configuration)
        var inbound = connection.inbound.makeAsyncIterator()
        while true {
            let buffer: ByteBuffer?
            do {
                buffer = try await inbound.next()
            } catch {
                if deadline.hasFired { throw RFBHandshakeError.timedOut(seconds: timeout.roundedUpSeconds) }
                throw RFBHandshakeError.connectionFailed(during: handshake.currentStep, detail: "\(error)")
            }
            guard let buffer else {
                if deadline.hasFired { throw RFBHandshakeError.timedOut(seconds: timeout.roundedUpSeconds) }
                throw RFBHandshakeError.connectionClosed(during: handshake.currentStep)
            }
            for action in try handshake.receive(buffer.readableBytesView) {
                switch action {
                case .send(let bytes):
                    try await connection.outbound.write(ByteBuffer(bytes: bytes))
                case .startTLS(let subtype):
                    throw RFBHandshakeError.tlsNotSupported(subtype)
                case .completed(let completion):
                    return RFBBMCStream(
                        serverInit: completion.serverInit,
                        pendingBytes: completion.trailingBytes,
                        inbound: connection.inbound,
                        write: { try await connection.outbound.write($0) },
                        close: { connection.close() }
                    )
                }
            }
        }
    }
}
