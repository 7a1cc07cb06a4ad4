import Testing
@testable import IPMISOL

struct HandshakeCodecTests {
    @Test func cipherSuiteRecordsFromIPMISim() throws {
        // Record data of ipmi_sim's two Get Channel Cipher Suites answers (list index 0 and 1).
        let first = [UInt8](hex: "c000004080c001014080c002014180c0")
        let second = [UInt8](hex: "03014181c004014182c005014183c006")
        let ids = try ChannelCipherSuites.suiteIDs(in: first + second)
        #expect(ids == [0, 1, 2, 3, 4, 5, 6])
        #expect(CipherSuitePolicy.strongest.candidates(offered: ids) == [.suite3])
        #expect(CipherSuitePolicy.strongest.candidates(offered: [3, 17]) == [.suite17, .suite3])
        #expect(CipherSuitePolicy.strongest.candidates(offered: [0, 1, 2]).isEmpty)
        #expect(CipherSuitePolicy.allowInsecure.candidates(offered: [0]) == [.suite0])
        #expect(throws: IPMIError.self) { try ChannelCipherSuites.suiteIDs(in: [0x11, 0x22]) }
        #expect(throws: IPMIError.self) { try ChannelCipherSuites.suiteIDs(in: [0xC0]) }
        // OEM records (0xC1 + ID + IANA) are skipped.
        #expect(try ChannelCipherSuites.suiteIDs(in: [UInt8](hex: "c1 05 a2 02 00 01 41 81 c0 11 03 44 81")) == [17])
    }

    @Test func openSessionRequestBytes() {
        let request = OpenSessionRequest(
            messageTag: 0x01, requestedMaximumPrivilege: 4, remoteConsoleSessionID: 0xA0A2A3A4, cipherSuite: .suite17
        )
        #expect(request.encode() == [UInt8](hex: """
            01 04 0000 a4a3a2a0 \
            00 0000 08 03 000000 \
            01 0000 08 04 000000 \
            02 0000 08 01 000000
            """))
    }

    @Test func openSessionResponseSuccessAndShortError() throws {
        let ok = try OpenSessionResponse.decode([UInt8](hex: """
            01 00 04 00 a4a3a2a0 02000000 00000008 01000000 01000008 01000000 02000008 01000000
            """))
        #expect(ok.status == .noErrors)
        #expect(ok.managedSystemSessionID == 2)
        #expect(ok.confirms(.suite3))
        #expect(!ok.confirms(.suite17))
        let refused = try OpenSessionResponse.decode([0x01, 0x04])
        #expect(refused.status == .invalidAuthenticationAlgorithm)
        #expect(refused.status.rejectsCipherSuite)
        #expect(throws: IPMIError.self) { try OpenSessionResponse.decode([0x01, 0x00, 0x04]) }
    }

    @Test func rakpMessagesEncodeAndDecode() throws {
        let rakp1 = RAKPMessage1(
            messageTag: 2, managedSystemSessionID: 0x11223344, remoteConsoleRandom: Array(0..<16),
            requestedRole: 0x04, username: Array("admin".utf8)
        )
        #expect(rakp1.encode() == [UInt8](hex: "02 000000 44332211 000102030405060708090a0b0c0d0e0f 04 0000 05 61646d696e"))
        let rakp2 = try RAKPMessage2.decode([UInt8](hex: """
            02 00 0000 a4a3a2a0 f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff a123456789abcdefa123456789abcdef 0102
            """))
        #expect(rakp2.remoteConsoleSessionID == 0xA0A2A3A4)
        #expect(rakp2.keyExchangeAuthenticationCode == [1, 2])
        #expect(try RAKPMessage2.decode([0x02, 0x0D]).status == .unauthorizedName)
        #expect(throws: IPMIError.self) { try RAKPMessage2.decode([0x02, 0x00, 0x00, 0x00, 0x01]) }
        let rakp3 = RAKPMessage3(messageTag: 3, status: .noErrors, managedSystemSessionID: 2, keyExchangeAuthenticationCode: [9])
        #expect(rakp3.encode() == [3, 0, 0, 0, 2, 0, 0, 0, 9])
        let rakp4 = try RAKPMessage4.decode([UInt8](hex: "03 00 0000 a4a3a2a0 aabbcc"))
        #expect(rakp4.integrityCheckValue == [0xAA, 0xBB, 0xCC])
    }

    @Test func statusNames() {
        #expect(RAKPStatusCode.unauthorizedName.description == "status 0xD (unauthorized name)")
        #expect(!RAKPStatusCode.unauthorizedName.rejectsCipherSuite)
    }
}
