/// One decoded IPMI v2.0 / RMCP+ datagram (session header verified and payload decrypted).
struct RMCPPlusPacket: Equatable, Sendable {
    var payloadType: PayloadType
    var isEncrypted: Bool
    var isAuthenticated: Bool
    var sessionID: UInt32
    var sequenceNumber: UInt32
    /// The payload, decrypted when it was encrypted.
    var payload: [UInt8]
}
