import Kernel
import NIOCore

/// Runs `RFBServerHandshake` (or `RFBServerRejection`) towards a viewer whose end of the
/// session is a Kernel `Duplex`.
enum RFBDuplexViewerHandshake {
    /// Performs the handshake; on failure sends the RFB 3.8 rejection (if any) and throws.
    /// The viewer's inbound is closed when `timeout` expires first.
    static func run(
        serverInit: RFBServerInit,
        viewer: Duplex,
        inbound: inout ByteStreamReader.AsyncIterator,
        timeout: Duration
    ) async throws(RFBHandshakeError) -> RFBServerHandshake.Completion {
        do {
            return try await RFBTimeout.run(timeout, onExpiry: { viewer.inbound.close() }) { deadline in
                var handshake = RFBServerHandshake(serverInit: serverInit)
                if let completion = try await perform(handshake.start(), on: viewer) { return completion }
                while true {
                    let buffer = try await next(&inbound, deadline: deadline, timeout: timeout, step: handshake.currentStep)
                    let actions: [RFBServerHandshake.Action]
                    do throws(RFBHandshakeError) {
                        actions = try handshake.receive(buffer.readableBytesView)
                    } catch {
                        let rejection = handshake.rejection(for: error)
                        if !rejection.isEmpty { try? await viewer.outbound.write(ByteBuffer(bytes: rejection)) }
                        throw error
                    }
                    if let completion = try await perform(actions, on: viewer) { return completion }
                }
            }
        } catch let error as RFBHandshakeError {
            throw error
        } catch {
            throw .connectionFailed(during: "the viewer handshake", detail: "\(error)")
        }
    }

    /// Tells the viewer why there is no session (`RFBServerRejection`), within `timeout`.
    static func reject(viewer: Duplex, reason: String, timeout: Duration) async throws {
        var inbound = viewer.inbound.makeAsyncIterator()
        try await RFBTimeout.run(timeout, onExpiry: { viewer.inbound.close() }) { deadline in
            var rejection = RFBServerRejection(reason: reason)
            try await viewer.outbound.write(ByteBuffer(bytes: rejection.start()))
            while !rejection.isFinished {
                let buffer = try await next(&inbound, deadline: deadline, timeout: timeout, step: "rejecting the viewer")
                let reply = try rejection.receive(buffer.readableBytesView)
                if !reply.isEmpty { try await viewer.outbound.write(ByteBuffer(bytes: reply)) }
            }
        }
    }

    private static func next(
        _ inbound: inout ByteStreamReader.AsyncIterator, deadline: RFBTimeout, timeout: Duration, step: String
    ) async throws(RFBHandshakeError) -> ByteBuffer {
        let buffer: ByteBuffer?
        do {
            buffer = try await inbound.next()
        } catch {
            if deadline.hasFired { throw .timedOut(seconds: timeout.roundedUpSeconds) }
            throw .connectionFailed(during: step, detail: "\(error)")
        }
        guard let buffer else {
            if deadline.hasFired { throw .timedOut(seconds: timeout.roundedUpSeconds) }
            throw .connectionClosed(during: step)
        }
        return buffer
    }

    private static func perform(_ actions: [RFBServerHandshake.Action], on viewer: Duplex) async throws -> RFBServerHandshake.Completion? {
        for action in actions {
            switch action {
            case .send(let bytes):
                try await viewer.outbound.write(ByteBuffer(bytes: bytes))
            case .completed(let completion):
                return completion
            }
        }
        return nil
    }
}
