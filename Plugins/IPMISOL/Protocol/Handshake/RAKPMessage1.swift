/// RAKP Message 1 (payload type 0x12, IPMI v2.0 section 13.20).
struct RAKPMessage1: Equatable, Sendable {
    var messageTag: UInt8
    var managedSystemSessionID: UInt32
    /// Rm, 16 random bytes from the remote console.
    var remoteConsoleRandom: [UInt8]
    /// ROLEm: requested privilege in bits 3:0, bit 4 set for name-only user lookup.
    var requestedRole: UInt8
    var username: [UInt8]

    static let nameOnlyLookup: UInt8 = 0x10
    static let maximumUsernameLength = 16

    func encode() -> [UInt8] {
        var bytes: [UInt8] = [messageTag, 0x00, 0x00, 0x00]
        bytes.appendLittleEndian(managedSystemSessionID)
        bytes += remoteConsoleRandom
        bytes += [requestedRole, 0x00, 0x00, UInt8(username.count)]
        return bytes + username
    }
}
