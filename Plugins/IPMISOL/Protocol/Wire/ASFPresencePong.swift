/// ASF Presence Pong (message type 0x40), the answer to ``ASFPresencePing``.
struct ASFPresencePong: Equatable, Sendable {
    static let messageType: UInt8 = 0x40

    var messageTag: UInt8
    var enterpriseNumber: UInt32
    var oemDefined: UInt32
    var supportedEntities: UInt8
    var supportedInteractions: UInt8

    /// Bit 7 of supported entities: the managed client supports IPMI.
    var supportsIPMI: Bool { supportedEntities & 0x80 != 0 }

    static func decode(_ datagram: [UInt8]) throws(IPMIError) -> ASFPresencePong {
        var reader = ByteReader(datagram, context: "ASF presence pong")
        let header = try RMCPHeader.decode(&reader)
        guard header.messageClass == .asf else {
            throw .malformedPacket("ASF presence pong: RMCP class is not ASF")
        }
        guard try reader.readBytes(4, "IANA") == ASFPresencePing.asfIANA else {
            throw .malformedPacket("ASF presence pong: IANA is not ASF (4542)")
        }
        guard try reader.readUInt8("message type") == messageType else {
            throw .malformedPacket("ASF presence pong: message type is not 0x40")
        }
        let tag = try reader.readUInt8("message tag")
        try reader.skip(1)
        let length = try reader.readUInt8("data length")
        guard length >= 16 else {
            throw .malformedPacket("ASF presence pong: data length \(length) < 16")
        }
        let enterprise = try reader.readBytes(4, "enterprise number")
        let oem = try reader.readBytes(4, "OEM defined")
        let entities = try reader.readUInt8("supported entities")
        let interactions = try reader.readUInt8("supported interactions")
        return ASFPresencePong(
            messageTag: tag,
            enterpriseNumber: enterprise.reduce(0) { $0 << 8 | UInt32($1) },
            oemDefined: oem.reduce(0) { $0 << 8 | UInt32($1) },
            supportedEntities: entities,
            supportedInteractions: interactions
        )
    }
}
