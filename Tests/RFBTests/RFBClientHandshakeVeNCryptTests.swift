import Testing
@testable import RFB

/// VeNCrypt negotiation (version 0.2, sub-types), as QEMU's ui/vnc-auth-vencrypt.c speaks it.
@Suite struct RFBClientHandshakeVeNCryptTests {
    static let v38 = Bytes.ascii("RFB 003.008\n")

    @Test func negotiatesX509VNCThenAuthenticatesInsideTLS() throws {
        var driver = ClientHandshakeDriver(password: "s3cret", allowsVeNCryptTLS: true)
        try driver.feed(Self.v38 + [2, 2, 19])
        #expect(driver.sent.last == [19], "VeNCrypt is preferred when TLS is available")
        try driver.feed([0, 2])
        #expect(driver.sent.last == [0, 2])
        let offered = Bytes.uint32(257) + Bytes.uint32(258) + Bytes.uint32(260) + Bytes.uint32(261)
        try driver.feed([0, 4] + offered)
        #expect(driver.sent.last == Bytes.uint32(261), "X509Vnc is the strongest usable sub-type")
        try driver.feed([1])
        #expect(driver.tlsRequests == [.x509VNC])
        #expect(throws: RFBHandshakeError.self, "plaintext must not be fed before TLS") {
            var copy = driver
            try copy.feed([0])
        }
        try driver.tlsEstablished()
        try driver.feed(RFBFixtures.challenge)
        #expect(driver.sent.last == RFBFixtures.responseForS3cret)
        try driver.feed(Bytes.uint32(0) + RFBFixtures.serverInit)
        #expect(driver.completion?.securityType == .veNCrypt)
        #expect(driver.completion?.veNCryptSubtype == .x509VNC)
    }

    @Test func withoutPasswordPicksANoneSubtype() throws {
        var driver = ClientHandshakeDriver(allowsVeNCryptTLS: true)
        try driver.feed(Self.v38 + [1, 19] + [0, 2] + [0, 2] + Bytes.uint32(258) + Bytes.uint32(257))
        #expect(driver.sent.last == Bytes.uint32(257))
        try driver.feed([1])
        #expect(driver.tlsRequests == [.tlsNone])
        try driver.tlsEstablished()
        try driver.feed(Bytes.uint32(0) + RFBFixtures.serverInit)
        #expect(driver.completion?.veNCryptSubtype == .tlsNone)
    }

    @Test func onlyVeNCryptOfferedAndTLSUnavailableIsAClearError() {
        var driver = ClientHandshakeDriver(password: "s3cret")
        let error = #expect(throws: RFBHandshakeError.self) { try driver.feed(Self.v38 + [1, 19]) }
        #expect(error?.description.contains("VeNCrypt/TLS is not supported") == true)
    }

    @Test func oldVeNCryptVersionIsRejected() {
        var driver = ClientHandshakeDriver(allowsVeNCryptTLS: true)
        let error = #expect(throws: RFBHandshakeError.self) { try driver.feed(Self.v38 + [1, 19] + [0, 1]) }
        #expect(error == .unsupportedVeNCryptVersion(major: 0, minor: 1))
    }

    @Test func unusableSubtypesAreListed() {
        var driver = ClientHandshakeDriver(allowsVeNCryptTLS: true)
        let error = #expect(throws: RFBHandshakeError.self) {
            try driver.feed(Self.v38 + [1, 19] + [0, 2] + [0, 1] + Bytes.uint32(262))
        }
        #expect(error == .noSupportedVeNCryptSubtype(offered: [.x509Plain]))
    }

    @Test func rejectedSubtypeIsReported() {
        var driver = ClientHandshakeDriver(allowsVeNCryptTLS: true)
        let error = #expect(throws: RFBHandshakeError.self) {
            try driver.feed(Self.v38 + [1, 19] + [0, 2] + [0, 1] + Bytes.uint32(260) + [0])
        }
        #expect(error == .veNCryptRejected(step: "sub-type 260 (X509None)"))
    }

    @Test func tlsEstablishedOutOfOrderIsAnError() {
        var driver = ClientHandshakeDriver(allowsVeNCryptTLS: true)
        #expect(throws: RFBHandshakeError.self) { try driver.tlsEstablished() }
    }
}
