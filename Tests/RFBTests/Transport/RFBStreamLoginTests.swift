import Kernel
import Logging
import NIOCore
import Testing
@testable import RFB

/// The client handshake over a Kernel `Duplex` (the RFB-over-WebSocket path), against a
/// scripted server on the other end of the duplex.
@Suite(.timeLimit(.minutes(1)))
struct RFBStreamLoginTests {
    static let v38 = Bytes.ascii("RFB 003.008\n")

    /// Plays the server: replies to each expected number of client bytes; returns what it read.
    static func serve(_ server: Duplex, _ steps: [(expect: Int, reply: [UInt8])]) async throws -> [UInt8] {
        var received: [UInt8] = []
        var consumed = 0
        var iterator = server.inbound.makeAsyncIterator()
        for step in steps {
            while received.count < consumed + step.expect {
                guard let buffer = try await iterator.next() else { return received }
                received += buffer.readableBytesView
            }
            consumed += step.expect
            if !step.reply.isEmpty { try await server.outbound.write(ByteBuffer(bytes: step.reply)) }
        }
        return received
    }

    @Test func vncAuthenticationOverADuplexYieldsServerInitAndTrailingBytes() async throws {
        let (client, server) = Duplex.pair()
        async let script = Self.serve(server, [
            (0, Self.v38), (12, [1, 2]), (1, RFBFixtures.challenge), (16, Bytes.uint32(0)),
            (1, RFBFixtures.serverInit + [2]),
        ])
        let stream = try await RFBStreamLogin.login(
            over: client, configuration: .init(password: "s3cret"), timeout: .seconds(5), logger: RFBTestSupport.logger
        )
        let sent = try await script
        #expect(Array(sent[12...12]) == [2])
        #expect(Array(sent[13..<29]) == RFBFixtures.responseForS3cret)
        #expect(sent.last == 1, "ClientInit with the shared flag")
        #expect(stream.serverInit.rawBytes == RFBFixtures.serverInit)
        #expect(stream.pendingBytes == [2])
        stream.close()
    }

    @Test func failedAuthenticationCarriesTheServersReason() async throws {
        let (client, server) = Duplex.pair()
        async let script = Self.serve(server, [
            (0, Self.v38), (12, [1, 2]), (1, RFBFixtures.challenge), (16, Bytes.uint32(1) + Bytes.reason("Authentication failed")),
        ])
        await #expect(throws: RFBHandshakeError.authenticationFailed(reason: "Authentication failed")) {
            _ = try await RFBStreamLogin.login(over: client, configuration: .init(password: "wrong"), timeout: .seconds(5), logger: RFBTestSupport.logger)
        }
        _ = try await script
    }

    @Test func aSilentServerTimesOut() async throws {
        let (client, server) = Duplex.pair()
        let started = ContinuousClock.now
        await #expect(throws: RFBHandshakeError.timedOut(seconds: 1)) {
            _ = try await RFBStreamLogin.login(over: client, configuration: .init(), timeout: .milliseconds(300), logger: RFBTestSupport.logger)
        }
        // Bounded: the 300 ms timeout fired instead of hanging (generous for loaded CI machines).
        #expect(ContinuousClock.now - started < .seconds(15))
        server.close()
    }

    @Test func aTransportFailureIsAConnectionFailure() async throws {
        let (client, server) = Duplex.pair()
        server.outbound.fail(BusError.streamClosed)
        do {
            _ = try await RFBStreamLogin.login(over: client, configuration: .init(), timeout: .seconds(5), logger: RFBTestSupport.logger)
            Issue.record("logged in over a failed stream")
        } catch {
            guard case .connectionFailed(_, let detail) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(detail.contains("closed"))
        }
    }
}
