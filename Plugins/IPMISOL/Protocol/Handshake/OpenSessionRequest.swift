/// RMCP+ Open Session Request (payload type 0x10, IPMI v2.0 section 13.17).
struct OpenSessionRequest: Equatable, Sendable {
    var messageTag: UInt8
    /// 0 asks for the highest level matching the proposed algorithms.
    var requestedMaximumPrivilege: UInt8
    var remoteConsoleSessionID: UInt32
    var cipherSuite: CipherSuite

    func encode() -> [UInt8] {
        var bytes: [UInt8] = [messageTag, requestedMaximumPrivilege, 0x00, 0x00]
        bytes.appendLittleEndian(remoteConsoleSessionID)
        bytes += Self.algorithmPayload(type: 0x00, algorithm: cipherSuite.authentication.rawValue)
        bytes += Self.algorithmPayload(type: 0x01, algorithm: cipherSuite.integrity.rawValue)
        bytes += Self.algorithmPayload(type: 0x02, algorithm: cipherSuite.confidentiality.rawValue)
        return bytes
    }

    static func algorithmPayload(type: UInt8, algorithm: UInt8) -> [UInt8] {
        [type, 0x00, 0x00, 0x08, algorithm & 0x3F, 0x00, 0x00, 0x00]
    }
}
