import NIOCore
import NIOPosix
import Testing
@testable import RFB

/// RFBViewerSession between a scripted BMC and a hand-driven viewer socket on loopback.
@Suite(.timeLimit(.minutes(1)))
struct RFBViewerSessionTests {
    static let v38 = Bytes.ascii("RFB 003.008\n")

    /// A scripted BMC that completes a None handshake and then records what it receives.
    static func bmcSession(_ server: ScriptedRFBServer) async throws -> RFBBMCSession {
        try await RFBBMCConnection.connect(.init(host: "127.0.0.1", port: server.port), logger: RFBTestSupport.logger)
    }

    static let bmcScript: [ScriptedRFBServer.Step] = [
        .init(expect: 0, reply: v38),
        .init(expect: 12, reply: [1, 1]),
        .init(expect: 1, reply: Bytes.uint32(0)),
        .init(expect: 1, reply: RFBFixtures.serverInit),
    ]

    /// Runs `serve` with a viewer that writes `viewerBytes` and reads until the server closes.
    static func run(viewerBytes: [UInt8], viewerClosesAfter: Int = .max) async throws
        -> (viewerReceived: [UInt8], bmcReceived: [UInt8], result: Result<RFBRelayStatistics, any Error>)
    {
        let bmcServer = try await ScriptedRFBServer.bind()
        async let bmcReceived = bmcServer.serveOne(bmcScript, holdOpen: true)
        let bmc = try await bmcSession(bmcServer)

        let viewerListener = try await ScriptedRFBServer.bind()
        async let viewerSide: [UInt8] = Self.viewer(
            port: viewerListener.port, sending: viewerBytes, closeAfter: viewerClosesAfter)
        let result: Result<RFBRelayStatistics, any Error> = try await viewerListener.listener.executeThenClose { clients in
            var iterator = clients.makeAsyncIterator()
            do {
                guard let viewer = try await iterator.next() else { throw ScriptFailure() }
                return .success(try await RFBViewerSession.serve(viewer: viewer, bmc: bmc, logger: RFBTestSupport.logger))
            } catch {
                return .failure(error)
            }
        }
        return (try await viewerSide, Array(try await bmcReceived.dropFirst(14)), result)
    }

    struct ScriptFailure: Error {}

    /// Connects as a viewer, writes everything at once, and collects bytes until the server
    /// closes or `closeAfter` bytes have arrived (then the viewer closes).
    static func viewer(port: Int, sending bytes: [UInt8], closeAfter: Int = .max) async throws -> [UInt8] {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var received: [UInt8] = []
            var iterator = inbound.makeAsyncIterator()
            // Wait for the banner, then send the whole viewer side and half-close.
            while received.count < 12, let buffer = try await iterator.next() { received += buffer.readableBytesView }
            try await outbound.write(ByteBuffer(bytes: bytes))
            while received.count < closeAfter, let buffer = try await iterator.next() {
                received += buffer.readableBytesView
            }
            return received
        }
    }

    @Test func relaysWholeMessagesAndReplaysServerInit() async throws {
        let keyDown: [UInt8] = [4, 1, 0, 0] + Bytes.uint32(0x61)
        let request: [UInt8] = [3, 0] + Bytes.uint16(0) + Bytes.uint16(0) + Bytes.uint16(720) + Bytes.uint16(400)
        let expectedHandshake = Self.v38 + [1, 1] + Bytes.uint32(0) + RFBFixtures.serverInit
        let (viewerReceived, bmcReceived, result) = try await Self.run(
            viewerBytes: Self.v38 + [1, 1] + keyDown + request, viewerClosesAfter: expectedHandshake.count)
        #expect(viewerReceived == expectedHandshake)
        #expect(bmcReceived == keyDown + request, "the BMC gets the viewer's messages unchanged")
        let statistics = try result.get()
        #expect(statistics.messagesFromViewer == 2)
        #expect(statistics.bytesFromViewer == keyDown.count + request.count)
    }

    @Test func invalidViewerMessageEndsTheSessionBeforeReachingTheBMC() async throws {
        let keyDown: [UInt8] = [4, 1, 0, 0] + Bytes.uint32(0x61)
        let (_, bmcReceived, result) = try await Self.run(viewerBytes: Self.v38 + [1, 1] + keyDown + [99, 0, 0, 0])
        #expect(throws: RFBFramingError.unknownMessageType(99)) { try result.get() }
        #expect(bmcReceived == keyDown, "only the valid message before the bad one was forwarded")
    }

    @Test func viewerChoosingVNCAuthenticationGetsTheReason() async throws {
        let (viewerReceived, bmcReceived, result) = try await Self.run(viewerBytes: Self.v38 + [2])
        #expect(throws: RFBHandshakeError.unexpectedSecurityType(.vncAuthentication)) { try result.get() }
        let reason = Array(RFBHandshakeError.unexpectedSecurityType(.vncAuthentication).description.utf8)
        #expect(viewerReceived == Self.v38 + [1, 1] + Bytes.uint32(1) + Bytes.uint32(UInt32(reason.count)) + reason)
        #expect(bmcReceived.isEmpty)
    }
}
