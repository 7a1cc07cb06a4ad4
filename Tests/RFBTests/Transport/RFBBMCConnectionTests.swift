import NIOCore
import Testing
@testable import RFB

/// NIO transport behaviour against a scripted loopback server.
@Suite(.timeLimit(.minutes(1)))
struct RFBBMCConnectionTests {
    static let v38 = Bytes.ascii("RFB 003.008\n")

    @Test func bytesAfterServerInitArriveFirstOnTheSessionChannel() async throws {
        let server = try await ScriptedRFBServer.bind()
        let bell: [UInt8] = [2]
        let serverCutText: [UInt8] = [3, 0, 0, 0] + Bytes.uint32(2) + Bytes.ascii("hi")
        async let served = server.serveOne([
            .init(expect: 0, reply: Self.v38),
            .init(expect: 12, reply: [1, 1]),
            .init(expect: 1, reply: Bytes.uint32(0)),
            .init(expect: 1, reply: RFBFixtures.serverInit + bell + serverCutText),
        ], holdOpen: true)

        let session = try await RFBBMCConnection.connect(.init(host: "127.0.0.1", port: server.port), logger: RFBTestSupport.logger)
        #expect(session.serverInit.name == "QEMU (tether-test)")
        let received = try await session.channel.executeThenClose { inbound, outbound in
            var bytes: [UInt8] = []
            for try await buffer in inbound {
                bytes += buffer.readableBytesView
                if bytes.count >= bell.count + serverCutText.count { break }
            }
            return bytes
        }
        #expect(received == bell + serverCutText)
        #expect(try await served == Self.v38 + [1, 1])
    }

    @Test func silentServerTimesOut() async throws {
        let server = try await ScriptedRFBServer.bind()
        async let served = server.serveOne([], holdOpen: true)
        let started = ContinuousClock.now
        let error = await #expect(throws: RFBHandshakeError.self) {
            try await RFBBMCConnection.connect(
                .init(host: "127.0.0.1", port: server.port, handshakeTimeout: .milliseconds(300)),
                logger: RFBTestSupport.logger)
        }
        #expect(error == .timedOut(seconds: 0))
        #expect(ContinuousClock.now - started < .seconds(15))
        _ = try await served
    }

    @Test func serverClosingMidHandshakeIsReported() async throws {
        let server = try await ScriptedRFBServer.bind()
        // The server reads the client's choice before closing, so the close is a clean FIN.
        async let served = server.serveOne([
            .init(expect: 0, reply: Self.v38), .init(expect: 12, reply: [1, 1]), .init(expect: 1, reply: []),
        ])
        let error = await #expect(throws: RFBHandshakeError.self) {
            try await RFBBMCConnection.connect(.init(host: "127.0.0.1", port: server.port), logger: RFBTestSupport.logger)
        }
        #expect(error == .connectionClosed(during: "waiting for SecurityResult"))
        _ = try await served
    }

    @Test func configurationDescriptionHidesThePassword() {
        let configuration = RFBBMCConnection.Configuration(host: "bmc", password: "s3cret")
        #expect(!configuration.description.contains("s3cret"))
    }
}
