import Testing
@testable import RFB

@Suite struct RFBClientHandshakeTests {
    static let v38 = Bytes.ascii("RFB 003.008\n")

    @Test func rfb38WithNoneSendsChoiceThenClientInitAndParsesServerInit() throws {
        var driver = ClientHandshakeDriver()
        try driver.feed(Self.v38)
        #expect(driver.sent == [Self.v38])
        try driver.feed([1, 1])
        #expect(driver.sent.last == [1])
        try driver.feed(Bytes.uint32(0))
        #expect(driver.sent.last == [1], "ClientInit with shared flag 1")
        #expect(driver.completion == nil)
        try driver.feed(RFBFixtures.serverInit)
        let completion = try #require(driver.completion)
        #expect(completion.version == .v3_8)
        #expect(completion.securityType == .none)
        #expect(completion.serverInit.framebufferWidth == 720)
        #expect(completion.serverInit.framebufferHeight == 400)
        #expect(completion.serverInit.name == "QEMU (tether-test)")
        #expect(completion.serverInit.pixelFormat.bitsPerPixel == 32)
        #expect(completion.serverInit.pixelFormat.redShift == 16)
        #expect(completion.serverInit.rawBytes == RFBFixtures.serverInit)
        #expect(completion.trailingBytes.isEmpty)
        #expect(driver.handshake.isCompleted)
    }

    @Test func rfb38VNCAuthenticationAnswersTheChallenge() throws {
        var driver = ClientHandshakeDriver(password: "s3cret")
        try driver.feed(Self.v38 + [2, 1, 2])
        #expect(driver.sent == [Self.v38, [2]], "prefers VNC Authentication over None when a password is set")
        try driver.feed(RFBFixtures.challenge)
        #expect(driver.sent.last == RFBFixtures.responseForS3cret)
        try driver.feed(Bytes.uint32(0) + RFBFixtures.serverInit)
        #expect(driver.sent.last == [1])
        #expect(driver.completion?.securityType == .vncAuthentication)
    }

    @Test func wholeHandshakeFedOneByteAtATime() throws {
        var driver = ClientHandshakeDriver(password: "s3cret")
        try driver.feedBytewise(Self.v38 + [1, 2])
        try driver.feedBytewise(RFBFixtures.challenge + Bytes.uint32(0) + RFBFixtures.serverInit)
        #expect(driver.allSent == Self.v38 + [2] + RFBFixtures.responseForS3cret + [1])
        #expect(driver.completion?.serverInit.rawBytes == RFBFixtures.serverInit)
    }

    @Test func bytesAfterServerInitAreReturnedAsTrailingBytes() throws {
        var driver = ClientHandshakeDriver()
        let bell: [UInt8] = [2]
        try driver.feed(Self.v38 + [1, 1] + Bytes.uint32(0) + RFBFixtures.serverInit + bell)
        #expect(driver.completion?.trailingBytes == bell)
        #expect(throws: RFBHandshakeError.self) { try driver.feed([0]) }
    }

    @Test func wrongPasswordReportsTheServersReason() throws {
        var driver = ClientHandshakeDriver(password: "wrong")
        try driver.feed(Self.v38 + [1, 2] + RFBFixtures.challenge)
        let error = #expect(throws: RFBHandshakeError.self) {
            try driver.feed(RFBFixtures.qemuAuthenticationFailure)
        }
        #expect(error == .authenticationFailed(reason: "Authentication failed"))
        #expect(error?.description == "authentication failed: Authentication failed")
        #expect(throws: RFBHandshakeError.self) { try driver.feed([0]) }
    }

    @Test func rfb37FailureHasNoReason() throws {
        var driver = ClientHandshakeDriver(password: "wrong")
        try driver.feed(Bytes.ascii("RFB 003.007\n") + [1, 2] + RFBFixtures.challenge)
        #expect(driver.sent.first == Bytes.ascii("RFB 003.007\n"))
        let error = #expect(throws: RFBHandshakeError.self) { try driver.feed(Bytes.uint32(1)) }
        #expect(error?.description.hasPrefix("authentication failed: the server gave no reason") == true)
    }

    @Test func rfb37NoneSkipsSecurityResult() throws {
        var driver = ClientHandshakeDriver()
        try driver.feed(Bytes.ascii("RFB 003.007\n") + [1, 1])
        #expect(driver.sent.last == [1, 1], "choice and ClientInit together")
        try driver.feed(RFBFixtures.serverInit)
        #expect(driver.completion?.version == .v3_7)
    }

    @Test func rfb33ServerChosenNone() throws {
        var driver = ClientHandshakeDriver()
        try driver.feed(Bytes.ascii("RFB 003.003\n") + Bytes.uint32(1))
        #expect(driver.sent == [Bytes.ascii("RFB 003.003\n"), [1]])
        try driver.feed(RFBFixtures.serverInit)
        #expect(driver.completion?.version == .v3_3)
    }

    @Test func rfb33ServerChosenVNCAuthentication() throws {
        var driver = ClientHandshakeDriver(password: "s3cret")
        try driver.feed(Bytes.ascii("RFB 003.003\n") + Bytes.uint32(2) + RFBFixtures.challenge)
        #expect(driver.sent.last == RFBFixtures.responseForS3cret)
        try driver.feed(Bytes.uint32(0) + RFBFixtures.serverInit)
        #expect(driver.completion?.securityType == .vncAuthentication)
    }

    @Test func rfb33RefusalCarriesTheReason() {
        var driver = ClientHandshakeDriver()
        let error = #expect(throws: RFBHandshakeError.self) {
            try driver.feed(Bytes.ascii("RFB 003.003\n") + Bytes.uint32(0) + Bytes.reason("Too many connections"))
        }
        #expect(error == .connectionRefused(reason: "Too many connections"))
    }

    @Test func appleVersion3889IsAnsweredWith38() throws {
        var driver = ClientHandshakeDriver()
        try driver.feed(Bytes.ascii("RFB 003.889\n"))
        #expect(driver.sent == [Self.v38])
    }

    @Test(arguments: ["RFB 004.001\n", "RFB 003.002\n", "RFB 002.009\n"])
    func unknownVersionsAreRejected(banner: String) {
        var driver = ClientHandshakeDriver()
        let error = #expect(throws: RFBHandshakeError.self) { try driver.feed(Bytes.ascii(banner)) }
        guard case .unsupportedProtocolVersion = error else {
            Issue.record("expected unsupportedProtocolVersion, got \(String(describing: error))")
            return
        }
    }

    @Test func nonRFBPeerFailsOnTheFirstBytes() {
        var driver = ClientHandshakeDriver()
        let error = #expect(throws: RFBHandshakeError.self) { try driver.feed(Bytes.ascii("SSH-")) }
        #expect(error == .malformedProtocolVersion(Bytes.ascii("SSH-")))
    }

    @Test func malformedBannerIsRejected() {
        var driver = ClientHandshakeDriver()
        let error = #expect(throws: RFBHandshakeError.self) { try driver.feed(Bytes.ascii("RFB 003x008\n")) }
        #expect(error == .malformedProtocolVersion(Bytes.ascii("RFB 003x008\n")))
    }

    @Test func zeroSecurityTypesMeansRefusedWithReason() {
        var driver = ClientHandshakeDriver()
        let error = #expect(throws: RFBHandshakeError.self) {
            try driver.feed(Self.v38 + [0] + Bytes.reason("Server is busy"))
        }
        #expect(error?.description == "server refused the connection: Server is busy")
    }

    @Test func noSupportedSecurityTypeListsWhatWasOffered() {
        var driver = ClientHandshakeDriver(password: "s3cret")
        let error = #expect(throws: RFBHandshakeError.self) { try driver.feed(Self.v38 + [2, 19, 30]) }
        #expect(error == .noSupportedSecurityType(offered: [.veNCrypt, RFBSecurityType(rawValue: 30)],
                                                  usable: [.vncAuthentication, .none]))
        #expect(error?.description.contains("19 (VeNCrypt), 30 (Apple Diffie-Hellman)") == true)
        #expect(error?.description.contains("VeNCrypt/TLS is not supported") == true)
    }

    @Test func vncAuthenticationWithoutPasswordIsAClearError() {
        var driver = ClientHandshakeDriver()
        let error = #expect(throws: RFBHandshakeError.self) { try driver.feed(Self.v38 + [1, 2]) }
        #expect(error == .passwordRequired)
    }

    @Test func absurdNameLengthIsRejectedBeforeBuffering() throws {
        var driver = ClientHandshakeDriver()
        try driver.feed(Self.v38 + [1, 1] + Bytes.uint32(0))
        let header = Array(RFBFixtures.serverInit.prefix(20)) + Bytes.uint32(0x0200_0000)
        let error = #expect(throws: RFBHandshakeError.self) { try driver.feed(header) }
        #expect(error == .lengthLimitExceeded(field: "ServerInit name length", length: 0x0200_0000, limit: 1 << 20))
    }

    @Test func absurdReasonLengthIsRejected() {
        var driver = ClientHandshakeDriver()
        let error = #expect(throws: RFBHandshakeError.self) {
            try driver.feed(Self.v38 + [0] + Bytes.uint32(0xFFFF_FFFF))
        }
        #expect(error == .lengthLimitExceeded(field: "failure reason length", length: 0xFFFF_FFFF, limit: 64 * 1024))
    }

    @Test func truncatedServerInitWaitsForMoreBytes() throws {
        var driver = ClientHandshakeDriver()
        try driver.feed(Self.v38 + [1, 1] + Bytes.uint32(0) + RFBFixtures.serverInit.dropLast())
        #expect(driver.completion == nil)
        try driver.feed([RFBFixtures.serverInit.last ?? 0])
        #expect(driver.completion != nil)
    }

    @Test func sharedFlagFollowsConfiguration() throws {
        var configuration = RFBClientHandshake.Configuration()
        configuration.sharedSession = false
        var driver = ClientHandshakeDriver(configuration: configuration)
        try driver.feed(Self.v38 + [1, 1] + Bytes.uint32(0))
        #expect(driver.sent.last == [0])
    }

    @Test func configurationDescriptionHidesThePassword() {
        let configuration = RFBClientHandshake.Configuration(password: "s3cret")
        #expect(!configuration.description.contains("s3cret"))
        #expect(configuration.description.contains("<redacted>"))
    }
}
