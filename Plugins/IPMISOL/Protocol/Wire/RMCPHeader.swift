/// The 4-byte RMCP header (ASF 2.0 / IPMI v2.0 section 13.1.3) that starts every datagram.
struct RMCPHeader: Equatable, Sendable {
    /// RMCP message class.
    enum MessageClass: UInt8, Sendable {
        case asf = 0x06
        case ipmi = 0x07
    }

    static let version: UInt8 = 0x06
    /// IPMI messages never use RMCP ACKs, so they carry sequence number 0xFF.
    static let noAcknowledgeSequence: UInt8 = 0xFF
    static let encodedCount = 4

    var sequenceNumber: UInt8
    var messageClass: MessageClass

    static let ipmi = RMCPHeader(sequenceNumber: noAcknowledgeSequence, messageClass: .ipmi)

    func encode(into bytes: inout [UInt8]) {
        bytes.append(Self.version)
        bytes.append(0x00)
        bytes.append(sequenceNumber)
        bytes.append(messageClass.rawValue)
    }

    static func decode(_ reader: inout ByteReader) throws(IPMIError) -> RMCPHeader {
        let version = try reader.readUInt8("RMCP version")
        guard version == Self.version else {
            throw .malformedPacket("RMCP version 0x\(String(version, radix: 16)) is not 0x06")
        }
        try reader.skip(1)
        let sequence = try reader.readUInt8("RMCP sequence")
        let rawClass = try reader.readUInt8("RMCP class")
        // Bit 7 marks an RMCP ACK; the class is in the low bits.
        guard let messageClass = MessageClass(rawValue: rawClass & 0x1F) else {
            throw .malformedPacket("unknown RMCP message class 0x\(String(rawClass, radix: 16))")
        }
        return RMCPHeader(sequenceNumber: sequence, messageClass: messageClass)
    }
}
