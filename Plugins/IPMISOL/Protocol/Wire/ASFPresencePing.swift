/// ASF Presence Ping (RMCP class ASF, message type 0x80): asks a BMC whether it speaks IPMI.
struct ASFPresencePing: Equatable, Sendable {
    /// ASF IANA enterprise number 4542, big-endian on the wire.
    static let asfIANA: [UInt8] = [0x00, 0x00, 0x11, 0xBE]
    static let messageType: UInt8 = 0x80

    var messageTag: UInt8

    func encode() -> [UInt8] {
        var bytes: [UInt8] = []
        RMCPHeader(sequenceNumber: 0xFF, messageClass: .asf).encode(into: &bytes)
        bytes += Self.asfIANA
        bytes += [Self.messageType, messageTag, 0x00, 0x00]
        return bytes
    }
}
