import Testing
@testable import RFB

/// The failure the agent presents to a viewer when it has no BMC session, per RFB version.
@Suite struct RFBServerRejectionTests {
    static let reason = "bmc-auth-failed: the BMC rejected the VNC password"

    @Test func rfb38OffersNoneThenFailsTheSecurityResultWithTheReason() throws {
        var rejection = RFBServerRejection(reason: Self.reason)
        #expect(rejection.start() == Bytes.ascii("RFB 003.008\n"))
        #expect(try rejection.receive(Bytes.ascii("RFB 003.008\n")) == [1, 1])
        #expect(!rejection.isFinished)
        #expect(try rejection.receive([1]) == Bytes.uint32(1) + Bytes.reason(Self.reason))
        #expect(rejection.isFinished)
    }

    @Test func rfb38VersionAndChoiceInOnePieceGetEverythingAtOnce() throws {
        var rejection = RFBServerRejection(reason: Self.reason)
        let reply = try rejection.receive(Bytes.ascii("RFB 003.008\n") + [1])
        #expect(reply == [1, 1] + Bytes.uint32(1) + Bytes.reason(Self.reason))
        #expect(rejection.isFinished)
    }

    @Test func rfb37GetsAnEmptySecurityListAndTheReason() throws {
        var rejection = RFBServerRejection(reason: Self.reason)
        #expect(try rejection.receive(Bytes.ascii("RFB 003.007\n")) == [0] + Bytes.reason(Self.reason))
        #expect(rejection.isFinished)
    }

    @Test func rfb33GetsSecurityTypeInvalidAndTheReason() throws {
        var rejection = RFBServerRejection(reason: Self.reason)
        #expect(try rejection.receive(Bytes.ascii("RFB 003.003\n")) == Bytes.uint32(0) + Bytes.reason(Self.reason))
        #expect(rejection.isFinished)
    }

    @Test func versionArrivingInPiecesWaits() throws {
        var rejection = RFBServerRejection(reason: Self.reason)
        #expect(try rejection.receive(Bytes.ascii("RFB 00")).isEmpty)
        #expect(try rejection.receive(Bytes.ascii("3.008\n")) == [1, 1])
    }

    @Test func garbageVersionIsRefused() {
        var rejection = RFBServerRejection(reason: Self.reason)
        #expect(throws: RFBHandshakeError.self) { try rejection.receive(Bytes.ascii("GET / HTTP/1")) }
        #expect(rejection.isFinished)
    }
}
