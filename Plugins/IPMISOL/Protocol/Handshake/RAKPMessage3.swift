/// RAKP Message 3 (payload type 0x14, IPMI v2.0 section 13.22).
struct RAKPMessage3: Equatable, Sendable {
    var messageTag: UInt8
    var status: RAKPStatusCode
    var managedSystemSessionID: UInt32
    var keyExchangeAuthenticationCode: [UInt8]

    func encode() -> [UInt8] {
        var bytes: [UInt8] = [messageTag, status.rawValue, 0x00, 0x00]
        bytes.appendLittleEndian(managedSystemSessionID)
        return bytes + keyExchangeAuthenticationCode
    }
}
