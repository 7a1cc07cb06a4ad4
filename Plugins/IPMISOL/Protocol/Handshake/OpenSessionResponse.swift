/// RMCP+ Open Session Response (payload type 0x11, IPMI v2.0 section 13.18).
/// On error the BMC may send only the tag and status bytes.
struct OpenSessionResponse: Equatable, Sendable {
    var messageTag: UInt8
    var status: RAKPStatusCode
    var maximumPrivilege: UInt8
    var remoteConsoleSessionID: UInt32
    var managedSystemSessionID: UInt32
    var authenticationAlgorithm: UInt8
    var integrityAlgorithm: UInt8
    var confidentialityAlgorithm: UInt8

    static func decode(_ payload: [UInt8]) throws(IPMIError) -> OpenSessionResponse {
        var reader = ByteReader(payload, context: "Open Session Response")
        let tag = try reader.readUInt8("message tag")
        let status = RAKPStatusCode(rawValue: try reader.readUInt8("status code"))
        guard status == .noErrors else {
            return OpenSessionResponse(
                messageTag: tag, status: status, maximumPrivilege: 0, remoteConsoleSessionID: 0,
                managedSystemSessionID: 0, authenticationAlgorithm: 0, integrityAlgorithm: 0,
                confidentialityAlgorithm: 0
            )
        }
        let privilege = try reader.readUInt8("maximum privilege")
        try reader.skip(1)
        let consoleID = try reader.readUInt32("remote console session ID")
        let managedID = try reader.readUInt32("managed system session ID")
        let authentication = try readAlgorithm(&reader, type: 0x00)
        let integrity = try readAlgorithm(&reader, type: 0x01)
        let confidentiality = try readAlgorithm(&reader, type: 0x02)
        return OpenSessionResponse(
            messageTag: tag, status: status, maximumPrivilege: privilege & 0x0F,
            remoteConsoleSessionID: consoleID, managedSystemSessionID: managedID,
            authenticationAlgorithm: authentication, integrityAlgorithm: integrity,
            confidentialityAlgorithm: confidentiality
        )
    }

    private static func readAlgorithm(_ reader: inout ByteReader, type: UInt8) throws(IPMIError) -> UInt8 {
        let payloadType = try reader.readUInt8("algorithm payload type")
        guard payloadType == type else {
            throw .malformedPacket("Open Session Response: algorithm payload type \(payloadType), expected \(type)")
        }
        try reader.skip(3)
        let algorithm = try reader.readUInt8("algorithm")
        try reader.skip(3)
        return algorithm & 0x3F
    }

    /// True if the BMC accepted exactly the proposed suite.
    func confirms(_ suite: CipherSuite) -> Bool {
        authenticationAlgorithm == suite.authentication.rawValue
            && integrityAlgorithm == suite.integrity.rawValue
            && confidentialityAlgorithm == suite.confidentiality.rawValue
    }
}
