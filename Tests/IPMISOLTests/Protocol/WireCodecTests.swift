import Testing
@testable import IPMISOL

struct WireCodecTests {
    // Captured from ipmi_sim 2.0.33: session-less Get Channel Authentication Capabilities.
    static let authCapsRequest: [UInt8] = [UInt8](hex: "0600ff07 00 00000000 00000000 09 20 18 c8 81 04 38 8e 04 b1")
    static let authCapsResponse: [UInt8] = [UInt8](hex: "0600ff070000000000000000001081 1c 63 20 00 38 00 01 97 04 03 00 00 00 00 09")

    @Test func rmcpHeaderRoundTrip() throws {
        var bytes: [UInt8] = []
        RMCPHeader.ipmi.encode(into: &bytes)
        #expect(bytes == [0x06, 0x00, 0xFF, 0x07])
        var reader = ByteReader(bytes, context: "test")
        #expect(try RMCPHeader.decode(&reader) == .ipmi)
        var bad = ByteReader([0x05, 0x00, 0xFF, 0x07], context: "test")
        #expect(throws: IPMIError.self) { try RMCPHeader.decode(&bad) }
        var short = ByteReader([0x06, 0x00], context: "test")
        #expect(throws: IPMIError.self) { try RMCPHeader.decode(&short) }
    }

    @Test func asfPresencePingAndPong() throws {
        #expect(ASFPresencePing(messageTag: 0x42).encode() == [UInt8](hex: "0600ff06 000011be 80 42 00 00"))
        let pong = try ASFPresencePong.decode([UInt8](hex: "0600ff06 000011be 40 42 00 10 000011be 00000000 81 00 000000000000"))
        #expect(pong.messageTag == 0x42)
        #expect(pong.supportsIPMI)
        #expect(pong.enterpriseNumber == 4542)
        #expect(throws: IPMIError.self) { try ASFPresencePong.decode([UInt8](hex: "0600ff06 000011be 40 42 00")) }
    }

    @Test func sessionlessRequestMatchesCapturedBytes() {
        let request = ChannelAuthenticationCapabilities.request(privilege: .administrator)
        #expect(IPMI15SessionWrapper.encode(message: request.encode(sequence: 1)) == Self.authCapsRequest)
    }

    @Test func sessionlessResponseDecodes() throws {
        let response = try IPMIResponse.decode(IPMI15SessionWrapper.decode(Self.authCapsResponse))
        let request = ChannelAuthenticationCapabilities.request(privilege: .administrator)
        #expect(response.answers(request, sequence: 0))
        #expect(response.completionCode == .success)
        let capabilities = try ChannelAuthenticationCapabilities.decode(response.data)
        #expect(capabilities.supportsIPMI20 && capabilities.supportsIPMI15)
        #expect(capabilities.channelNumber == 1)
        #expect(!capabilities.kgIsNonZero)
    }

    @Test func responseChecksumsAreVerified() throws {
        var message = try IPMI15SessionWrapper.decode(Self.authCapsResponse)
        message[message.count - 1] &+= 1
        #expect(throws: IPMIError.malformedPacket("IPMI response data checksum mismatch")) { try IPMIResponse.decode(message) }
        message[2] &+= 1
        #expect(throws: IPMIError.malformedPacket("IPMI response header checksum mismatch")) { try IPMIResponse.decode(message) }
        #expect(throws: IPMIError.self) { try IPMIResponse.decode([0x81, 0x1c]) }
    }

    @Test func requestEncodingHasValidChecksums() {
        let bytes = DeviceID.request.encode(sequence: 0x3F)
        #expect(bytes == [0x20, 0x18, 0xC8, 0x81, 0xFC, 0x01, 0x82])
        #expect(IPMIChecksum.verify(bytes[0...2]))
        #expect(IPMIChecksum.verify(bytes[3...]))
    }

    @Test func byteReaderNeverTraps() {
        var reader = ByteReader([1, 2, 3], context: "short")
        #expect((try? reader.readUInt32()) == nil)
        #expect((try? reader.readBytes(-1)) == nil)
        #expect((try? reader.readBytes(4)) == nil)
        #expect((try? reader.readUInt16()) == 0x0201)
        #expect(reader.remainingCount == 1)
    }

    @Test func completionCodeNames() {
        #expect(CompletionCode(rawValue: 0xD4).description == "0xD4 (insufficient privilege level)")
        #expect(CompletionCode(rawValue: 0xC1).name == "invalid command")
        #expect(CompletionCode(rawValue: 0x81).name == "command-specific code")
        #expect(CompletionCode(rawValue: 0x05).description == "0x05 (OEM-specific code)")
    }
}
