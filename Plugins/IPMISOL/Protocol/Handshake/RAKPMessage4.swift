/// RAKP Message 4 (payload type 0x15, IPMI v2.0 section 13.23).
struct RAKPMessage4: Equatable, Sendable {
    var messageTag: UInt8
    var status: RAKPStatusCode
    var remoteConsoleSessionID: UInt32
    var integrityCheckValue: [UInt8]

    static func decode(_ payload: [UInt8]) throws(IPMIError) -> RAKPMessage4 {
        var reader = ByteReader(payload, context: "RAKP Message 4")
        let tag = try reader.readUInt8("message tag")
        let status = RAKPStatusCode(rawValue: try reader.readUInt8("status code"))
        guard status == .noErrors else {
            return RAKPMessage4(messageTag: tag, status: status, remoteConsoleSessionID: 0, integrityCheckValue: [])
        }
        try reader.skip(2)
        return RAKPMessage4(
            messageTag: tag,
            status: status,
            remoteConsoleSessionID: try reader.readUInt32("remote console session ID"),
            integrityCheckValue: reader.readRemaining()
        )
    }
}
