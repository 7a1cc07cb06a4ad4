import Testing
@testable import RFB

@Suite struct RFBServerInitTests {
    @Test func parsesAndKeepsRawBytes() throws {
        let serverInit = try RFBServerInit(bytes: RFBFixtures.serverInit)
        #expect(serverInit.framebufferWidth == 720)
        #expect(serverInit.framebufferHeight == 400)
        #expect(serverInit.name == "QEMU (tether-test)")
        #expect(serverInit.rawBytes == RFBFixtures.serverInit)
        #expect(serverInit.pixelFormat.encoded == RFBFixtures.pixelFormat)
        #expect(serverInit.pixelFormat.trueColour)
        #expect(!serverInit.pixelFormat.bigEndian)
    }

    @Test func rejectsTruncatedAndOverlongMessages() {
        #expect(throws: RFBHandshakeError.self) { try RFBServerInit(bytes: Array(RFBFixtures.serverInit.dropLast())) }
        #expect(throws: RFBHandshakeError.self) { try RFBServerInit(bytes: RFBFixtures.serverInit + [0]) }
        #expect(throws: RFBHandshakeError.self) { try RFBServerInit(bytes: []) }
    }

    @Test func invalidUTF8NameIsDecodedLossily() throws {
        let bytes = Array(RFBFixtures.serverInit.prefix(20)) + Bytes.uint32(2) + [0xFF, 0x41]
        let serverInit = try RFBServerInit(bytes: bytes)
        #expect(serverInit.name == "\u{FFFD}A")
    }

    @Test func pixelFormatNeedsSixteenBytes() {
        #expect(RFBPixelFormat(bytes: [1, 2, 3]) == nil)
        #expect(RFBPixelFormat(bytes: RFBFixtures.pixelFormat)?.depth == 24)
    }
}
