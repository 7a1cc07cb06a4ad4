import Foundation
import Logging
import NIOCore
import NIOPosix
import Testing
@testable import RFB

/// RFBBMCConnection against QEMU 7.2's VNC server on 127.0.0.1:5960-5962.
@Suite(.enabled(if: QEMUVNCServer.isEnabled, "RFB_SKIP_REAL_PEER=1"), .timeLimit(.minutes(1)))
struct QEMUVNCTests {
    @Test func noAuthHandshakeAndFramebufferUpdate() async throws {
        try await QEMUVNCServer.with(name: "tether-noauth", port: 5960) { qemu in
            let started = ContinuousClock.now
            let session = try await RFBBMCConnection.connect(
                .init(host: "127.0.0.1", port: qemu.port), logger: RFBTestSupport.logger
            )
            let handshakeTime = ContinuousClock.now - started
            let serverInit = session.serverInit
            #expect(session.completion.version == .v3_8)
            #expect(session.completion.securityType == .none)
            #expect(serverInit.name == "QEMU (tether-noauth)")
            let size = (Int(serverInit.framebufferWidth), Int(serverInit.framebufferHeight))
            #expect(size == (720, 400), "SeaBIOS text console, got \(size)")
            #expect(serverInit.pixelFormat.bitsPerPixel == 32)

            let bytesPerPixel = Int(serverInit.pixelFormat.bitsPerPixel) / 8
            let (rectangles, bytes, updateTime) = try await session.channel.executeThenClose { inbound, outbound in
                let requested = ContinuousClock.now
                try await outbound.write(ByteBuffer(bytes: RFBTestSupport.fullUpdateRequest(for: serverInit)))
                var iterator = inbound.makeAsyncIterator()
                let update = try await RFBTestSupport.readRawFramebufferUpdate(from: &iterator, bytesPerPixel: bytesPerPixel)
                return (update.rectangles, update.bytes, ContinuousClock.now - requested)
            }
            let covered = rectangles.reduce(0) { $0 + $1.width * $1.height }
            #expect(covered == size.0 * size.1, "the non-incremental update covers the screen")
            print("QEMU no-auth: handshake \(handshakeTime), full raw update \(bytes) bytes in \(updateTime), \(rectangles.count) rects")
        }
    }

    @Test func vncPasswordRightAndWrong() async throws {
        try await QEMUVNCServer.with(name: "tether-password", port: 5961, security: .password("s3cret")) { qemu in
            let session = try await RFBBMCConnection.connect(
                .init(host: "127.0.0.1", port: qemu.port, password: "s3cret"), logger: RFBTestSupport.logger
            )
            #expect(session.completion.securityType == .vncAuthentication)
            #expect(session.serverInit.name == "QEMU (tether-password)")
            try await session.channel.executeThenClose { _, _ in }

            let error = await #expect(throws: RFBHandshakeError.self) {
                try await RFBBMCConnection.connect(
                    .init(host: "127.0.0.1", port: qemu.port, password: "wrong"), logger: RFBTestSupport.logger
                )
            }
            #expect(error == .authenticationFailed(reason: "Authentication failed"))
            #expect(error?.description == "authentication failed: Authentication failed")

            let missing = await #expect(throws: RFBHandshakeError.self) {
                try await RFBBMCConnection.connect(.init(host: "127.0.0.1", port: qemu.port), logger: RFBTestSupport.logger)
            }
            #expect(missing == .passwordRequired)
        }
    }

    /// QEMU with anonymous-TLS VeNCrypt: the pure state machine negotiates up to the TLS
    /// upgrade; the NIO transport (no TLS) reports it clearly.
    @Test func veNCryptIsNegotiatedButTLSIsReportedUnsupported() async throws {
        try await QEMUVNCServer.with(name: "tether-vencrypt", port: 5962, security: .anonymousTLS) { qemu in
            let error = await #expect(throws: RFBHandshakeError.self) {
                try await RFBBMCConnection.connect(
                    .init(host: "127.0.0.1", port: qemu.port, password: "s3cret"), logger: RFBTestSupport.logger
                )
            }
            #expect(error == .noSupportedSecurityType(offered: [.veNCrypt], usable: [.vncAuthentication, .none]))
            #expect(error?.description.contains("VeNCrypt/TLS is not supported") == true)

            let requested = try await Self.negotiateUntilTLS(port: qemu.port)
            #expect(requested == .tlsNone)
        }
    }

    /// Drives `RFBClientHandshake` (TLS allowed) over a plain socket until it asks for TLS.
    static func negotiateUntilTLS(port: Int) async throws -> RFBVeNCryptSubtype? {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var handshake = RFBClientHandshake(configuration: .init(allowsVeNCryptTLS: true))
            for try await buffer in inbound {
                for action in try handshake.receive(buffer.readableBytesView) {
                    switch action {
                    case .send(let bytes): try await outbound.write(ByteBuffer(bytes: bytes))
                    case .startTLS(let subtype): return subtype
                    case .completed: return nil
                    }
                }
            }
            return nil
        }
    }
}
