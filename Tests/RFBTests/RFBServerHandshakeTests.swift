import Testing
@testable import RFB

@Suite struct RFBServerHandshakeTests {
    static let serverInit: RFBServerInit = {
        do { return try RFBServerInit(bytes: RFBFixtures.serverInit) } catch { fatalError("fixture: \(error)") }
    }()

    /// Runs start() and feeds `input`, returning bytes sent and the completion.
    static func run(_ input: [UInt8], bytewise: Bool = false) throws(RFBHandshakeError)
        -> (sent: [UInt8], completion: RFBServerHandshake.Completion?)
    {
        var handshake = RFBServerHandshake(serverInit: serverInit)
        var actions = try handshake.start()
        if bytewise {
            for byte in input { actions += try handshake.receive([byte]) }
        } else {
            actions += try handshake.receive(input)
        }
        var sent: [UInt8] = []
        var completion: RFBServerHandshake.Completion?
        for action in actions {
            switch action {
            case .send(let bytes): sent += bytes
            case .completed(let result): completion = result
            }
        }
        return (sent, completion)
    }

    @Test func rfb38Client() throws {
        let (sent, completion) = try Self.run(Bytes.ascii("RFB 003.008\n") + [1] + [1])
        #expect(sent == Bytes.ascii("RFB 003.008\n") + [1, 1] + Bytes.uint32(0) + RFBFixtures.serverInit)
        #expect(completion?.version == .v3_8)
        #expect(completion?.sharedFlag == true)
    }

    @Test func rfb37ClientGetsNoSecurityResult() throws {
        let (sent, completion) = try Self.run(Bytes.ascii("RFB 003.007\n") + [1] + [0], bytewise: true)
        #expect(sent == Bytes.ascii("RFB 003.008\n") + [1, 1] + RFBFixtures.serverInit)
        #expect(completion?.version == .v3_7)
        #expect(completion?.sharedFlag == false)
    }

    @Test func rfb33ClientIsToldTheTypeAsA32BitNumber() throws {
        let (sent, completion) = try Self.run(Bytes.ascii("RFB 003.003\n") + [1])
        #expect(sent == Bytes.ascii("RFB 003.008\n") + Bytes.uint32(1) + RFBFixtures.serverInit)
        #expect(completion?.version == .v3_3)
    }

    @Test func rfb35ClientIsTreatedAs33() throws {
        let (_, completion) = try Self.run(Bytes.ascii("RFB 003.005\n") + [1])
        #expect(completion?.version == .v3_3)
    }

    @Test func messagesRightAfterClientInitAreTrailingBytes() throws {
        let setPixelFormat: [UInt8] = [0, 0, 0, 0] + RFBFixtures.pixelFormat
        let (_, completion) = try Self.run(Bytes.ascii("RFB 003.008\n") + [1, 1] + setPixelFormat)
        #expect(completion?.trailingBytes == setPixelFormat)
    }

    @Test func choosingVNCAuthenticationIsRejectedWithAReason() throws {
        var handshake = RFBServerHandshake(serverInit: Self.serverInit)
        _ = try handshake.start()
        _ = try handshake.receive(Bytes.ascii("RFB 003.008\n"))
        let error = #expect(throws: RFBHandshakeError.self) { try handshake.receive([2]) }
        let unwrapped = try #require(error)
        #expect(unwrapped == .unexpectedSecurityType(.vncAuthentication))
        let rejection = handshake.rejection(for: unwrapped)
        let reason = Array(unwrapped.description.utf8)
        #expect(rejection == Bytes.uint32(1) + Bytes.uint32(UInt32(reason.count)) + reason)
    }

    @Test func rejectionKeepsRepliesProducedEarlierInTheSameChunk() throws {
        var handshake = RFBServerHandshake(serverInit: Self.serverInit)
        _ = try handshake.start()
        let error = #expect(throws: RFBHandshakeError.self) {
            try handshake.receive(Bytes.ascii("RFB 003.008\n") + [2])
        }
        let unwrapped = try #require(error)
        let reason = Array(unwrapped.description.utf8)
        #expect(handshake.rejection(for: unwrapped)
            == [1, 1] + Bytes.uint32(1) + Bytes.uint32(UInt32(reason.count)) + reason)
    }

    @Test func unsupportedClientVersionIsRejectedSilently() throws {
        var handshake = RFBServerHandshake(serverInit: Self.serverInit)
        _ = try handshake.start()
        let error = #expect(throws: RFBHandshakeError.self) { try handshake.receive(Bytes.ascii("RFB 003.009\n")) }
        #expect(error == .unsupportedProtocolVersion(major: 3, minor: 9))
        #expect(handshake.rejection(for: .unsupportedProtocolVersion(major: 3, minor: 9)).isEmpty)
    }

    @Test func garbageVersionIsRejected() throws {
        let error = #expect(throws: RFBHandshakeError.self) { try Self.run(Bytes.ascii("GET / HTTP/1.1\r\n")) }
        guard case .malformedProtocolVersion = error else {
            Issue.record("expected malformedProtocolVersion, got \(String(describing: error))")
            return
        }
    }

    @Test func outOfOrderUseIsAnError() throws {
        var handshake = RFBServerHandshake(serverInit: Self.serverInit)
        #expect(throws: RFBHandshakeError.self) { try handshake.receive([0]) }
        _ = try handshake.start()
        #expect(throws: RFBHandshakeError.self) { try handshake.start() }
    }
}
