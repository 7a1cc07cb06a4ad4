import Testing
@testable import IPMISOL

struct SessionPrimitiveTests {
    @Test(arguments: 0...33)
    func aesPaddingFillsWholeBlocks(length: Int) throws {
        let padded = AESCBC128.pad(Array(repeating: 0xAB, count: length))
        #expect(padded.count % 16 == 0)
        let padLength = Int(padded[padded.count - 1])
        #expect(padded.count == length + padLength + 1)
        #expect(Array(padded[length..<(length + padLength)]) == (0..<padLength).map { UInt8($0 + 1) })
        let cipher = try AESCBC128(k2: Array(repeating: 7, count: 20))
        let payload = Array(repeating: UInt8(length), count: length)
        #expect(try cipher.decrypt(cipher.encrypt(payload, iv: Array(repeating: 1, count: 16))) == payload)
    }

    @Test func aesRejectsBadInput() throws {
        let cipher = try AESCBC128(k2: Array(repeating: 7, count: 20))
        #expect(throws: IPMIError.self) { try cipher.decrypt(Array(repeating: 0, count: 20)) }
        #expect(throws: IPMIError.self) { try cipher.encrypt([1], iv: [1, 2]) }
        #expect(throws: IPMIError.self) { try AESCBC128(k2: [1, 2, 3]) }
        // A valid ciphertext whose plaintext pad bytes are wrong.
        var encrypted = try cipher.encrypt(Array(repeating: 0, count: 10), iv: Array(repeating: 0, count: 16))
        encrypted[20] ^= 0xFF
        #expect(throws: IPMIError.self) { try cipher.decrypt(encrypted) }
    }

    @Test func replayWindowAcceptsFreshRejectsDuplicates() {
        var window = SessionSequenceWindow()
        let verdicts = [0, 5, 5, 7, 6, 6, 39, 72, 8, 7, 39].map { window.accept(UInt32($0)) }
        // zero; first; duplicate; ahead; late but unseen; duplicate; 32 ahead; 33 ahead;
        // 31 behind the highest; 32 behind (outside); duplicate.
        #expect(verdicts == [false, true, false, true, true, false, true, false, true, false, false])
    }

    @Test func outboundSequenceSkipsZero() {
        var counter = OutboundSequenceCounter()
        let first = counter.take()
        let second = counter.take()
        #expect(first == 1 && second == 2)
    }

    @Test func unauthenticatedSessionPacketRoundTrip() throws {
        let packet = try IPMI20SessionWrapper.encode(
            payloadType: .sol, sessionID: 0x01020304, sequenceNumber: 9, payload: [1, 2, 3], security: .none, iv: []
        )
        #expect(packet == [UInt8](hex: "0600ff07 06 01 04030201 09000000 0300 010203"))
        let decoded = try IPMI20SessionWrapper.decode(packet, security: .none)
        #expect(decoded.payloadType == .sol && !decoded.isAuthenticated && decoded.payload == [1, 2, 3])
        #expect(throws: IPMIError.self) { try IPMI20SessionWrapper.decode(Array(packet.prefix(14)), security: .none) }
        // Authenticated flag without keys is refused, not trusted.
        var flagged = packet
        flagged[5] |= 0x40
        #expect(throws: IPMIError.self) { try IPMI20SessionWrapper.decode(flagged, security: .none) }
    }

    @Test func integrityPadMakesCoveredRangeDwordAligned() throws {
        let security = SessionSecurity(integrity: .hmacSHA1_96, k1: Array(repeating: 1, count: 20), confidentiality: nil)
        for length in 0..<8 {
            let packet = try IPMI20SessionWrapper.encode(
                payloadType: .ipmiMessage, sessionID: 1, sequenceNumber: 1, payload: Array(repeating: 0, count: length),
                security: security, iv: []
            )
            #expect((packet.count - 4 - 12) % 4 == 0)
            #expect(try IPMI20SessionWrapper.decode(packet, security: security).payload.count == length)
        }
    }
}
