/// RAKP Message 2 (payload type 0x13, IPMI v2.0 section 13.21).
struct RAKPMessage2: Equatable, Sendable {
    var messageTag: UInt8
    var status: RAKPStatusCode
    var remoteConsoleSessionID: UInt32
    /// Rc, 16 random bytes from the BMC.
    var managedSystemRandom: [UInt8]
    /// GUIDc, the BMC's GUID.
    var managedSystemGUID: [UInt8]
    var keyExchangeAuthenticationCode: [UInt8]

    static func decode(_ payload: [UInt8]) throws(IPMIError) -> RAKPMessage2 {
        var reader = ByteReader(payload, context: "RAKP Message 2")
        let tag = try reader.readUInt8("message tag")
        let status = RAKPStatusCode(rawValue: try reader.readUInt8("status code"))
        guard status == .noErrors else {
            return RAKPMessage2(
                messageTag: tag, status: status, remoteConsoleSessionID: 0,
                managedSystemRandom: [], managedSystemGUID: [], keyExchangeAuthenticationCode: []
            )
        }
        try reader.skip(2)
        return RAKPMessage2(
            messageTag: tag,
            status: status,
            remoteConsoleSessionID: try reader.readUInt32("remote console session ID"),
            managedSystemRandom: try reader.readBytes(16, "managed system random number"),
            managedSystemGUID: try reader.readBytes(16, "managed system GUID"),
            keyExchangeAuthenticationCode: reader.readRemaining()
        )
    }
}
