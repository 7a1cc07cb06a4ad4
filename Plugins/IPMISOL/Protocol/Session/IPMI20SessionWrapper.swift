/// The IPMI v2.0 (RMCP+) session wrapper (IPMI v2.0 table 13-8):
///
///     RMCP header | authType 06 | payload type (bit7 encrypted, bit6 authenticated)
///     | session ID (4) | session sequence (4) | payload length (2) | payload
///     [ | integrity pad FF.. | pad length | next header 07 | AuthCode ]
///
/// The AuthCode covers authType through next header and makes that range a multiple of 4.
enum IPMI20SessionWrapper {
    static let authenticationTypeRMCPPlus: UInt8 = 0x06
    static let nextHeader: UInt8 = 0x07

    static func encode(
        payloadType: PayloadType,
        sessionID: UInt32,
        sequenceNumber: UInt32,
        payload: [UInt8],
        security: SessionSecurity,
        iv: [UInt8]
    ) throws(IPMIError) -> [UInt8] {
        var body = payload
        if let cipher = security.confidentiality {
            body = try cipher.encrypt(payload, iv: iv)
        }
        guard body.count <= Int(UInt16.max) else {
            throw .invalidConfiguration("payload of \(body.count) bytes does not fit in an RMCP+ packet")
        }
        var bytes: [UInt8] = []
        RMCPHeader.ipmi.encode(into: &bytes)
        bytes.append(authenticationTypeRMCPPlus)
        var typeByte = payloadType.rawValue
        if security.isEncrypted { typeByte |= 0x80 }
        if security.isAuthenticated { typeByte |= 0x40 }
        bytes.append(typeByte)
        bytes.appendLittleEndian(sessionID)
        bytes.appendLittleEndian(sequenceNumber)
        bytes.appendLittleEndian(UInt16(body.count))
        bytes += body
        guard security.isAuthenticated else { return bytes }

        let coveredCount = bytes.count - RMCPHeader.encodedCount
        let padCount = (4 - (coveredCount + 2) % 4) % 4
        bytes += [UInt8](repeating: 0xFF, count: padCount)
        bytes.append(UInt8(padCount))
        bytes.append(nextHeader)
        guard let authCode = security.integrity.authCode(k1: security.k1, data: Array(bytes[RMCPHeader.encodedCount...])) else {
            throw .invalidConfiguration("integrity algorithm \(security.integrity) is not implemented")
        }
        return bytes + authCode
    }

    /// Decodes a datagram. Integrity is verified and the payload decrypted with `security`
    /// when the packet says it is authenticated / encrypted.
    static func decode(_ datagram: [UInt8], security: SessionSecurity) throws(IPMIError) -> RMCPPlusPacket {
        var reader = ByteReader(datagram, context: "RMCP+ session wrapper")
        guard try RMCPHeader.decode(&reader).messageClass == .ipmi else {
            throw .malformedPacket("RMCP+ session wrapper: RMCP class is not IPMI")
        }
        guard try reader.readUInt8("authentication type") == authenticationTypeRMCPPlus else {
            throw .malformedPacket("RMCP+ session wrapper: authentication type is not RMCP+ (0x06)")
        }
        let typeByte = try reader.readUInt8("payload type")
        guard let payloadType = PayloadType(rawValue: typeByte & 0x3F) else {
            throw .malformedPacket("unknown RMCP+ payload type 0x\(String(typeByte & 0x3F, radix: 16))")
        }
        if payloadType == .oemExplicit {
            try reader.skip(6, "OEM IANA and payload ID")
        }
        let isEncrypted = typeByte & 0x80 != 0
        let isAuthenticated = typeByte & 0x40 != 0
        let sessionID = try reader.readUInt32("session ID")
        let sequenceNumber = try reader.readUInt32("session sequence number")
        let length = try reader.readUInt16("payload length")
        var payload = try reader.readBytes(Int(length), "payload")

        if isAuthenticated {
            try verifyTrailer(datagram, trailerOffset: reader.offset, security: security)
        }
        if isEncrypted {
            guard let cipher = security.confidentiality else {
                throw .malformedPacket("encrypted payload on a session without confidentiality")
            }
            payload = try cipher.decrypt(payload)
        }
        return RMCPPlusPacket(
            payloadType: payloadType, isEncrypted: isEncrypted, isAuthenticated: isAuthenticated,
            sessionID: sessionID, sequenceNumber: sequenceNumber, payload: payload
        )
    }

    private static func verifyTrailer(
        _ datagram: [UInt8], trailerOffset: Int, security: SessionSecurity
    ) throws(IPMIError) {
        guard security.isAuthenticated else {
            throw .malformedPacket("authenticated packet on a session without integrity")
        }
        let authCodeLength = security.integrity.authCodeLength
        let nextHeaderIndex = datagram.count - authCodeLength - 1
        guard nextHeaderIndex >= trailerOffset + 1 else {
            throw .malformedPacket("RMCP+ integrity trailer is truncated")
        }
        guard datagram[nextHeaderIndex] == nextHeader else {
            throw .malformedPacket("RMCP+ next header is not 0x07")
        }
        let padCount = Int(datagram[nextHeaderIndex - 1])
        guard trailerOffset + padCount == nextHeaderIndex - 1 else {
            throw .malformedPacket("RMCP+ integrity pad length \(padCount) does not match the packet")
        }
        let covered = Array(datagram[RMCPHeader.encodedCount...nextHeaderIndex])
        guard let expected = security.integrity.authCode(k1: security.k1, data: covered) else {
            throw .malformedPacket("integrity algorithm \(security.integrity) is not implemented")
        }
        guard constantTimeEqual(expected, Array(datagram[(nextHeaderIndex + 1)...])) else {
            throw .integrityCheckFailed("RMCP+ packet AuthCode does not verify")
        }
    }
}
