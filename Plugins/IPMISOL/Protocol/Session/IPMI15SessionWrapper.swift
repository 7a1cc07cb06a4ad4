/// The IPMI v1.5 session wrapper with authentication type NONE, used only for the
/// session-less discovery commands (Get Channel Authentication Capabilities and
/// Get Channel Cipher Suites) before an RMCP+ session exists.
enum IPMI15SessionWrapper {
    static func encode(message: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        RMCPHeader.ipmi.encode(into: &bytes)
        bytes.append(0x00)                 // authentication type NONE
        bytes.appendLittleEndian(UInt32(0)) // session sequence number
        bytes.appendLittleEndian(UInt32(0)) // session ID
        bytes.append(UInt8(truncatingIfNeeded: message.count))
        return bytes + message
    }

    /// Returns the IPMI message of a session-less v1.5 datagram.
    static func decode(_ datagram: [UInt8]) throws(IPMIError) -> [UInt8] {
        var reader = ByteReader(datagram, context: "IPMI v1.5 session wrapper")
        let header = try RMCPHeader.decode(&reader)
        guard header.messageClass == .ipmi else {
            throw .malformedPacket("IPMI v1.5 session wrapper: RMCP class is not IPMI")
        }
        let authenticationType = try reader.readUInt8("authentication type")
        _ = try reader.readUInt32("session sequence")
        _ = try reader.readUInt32("session ID")
        if authenticationType != 0x00 {
            try reader.skip(16, "authentication code")
        }
        let length = try reader.readUInt8("message length")
        return try reader.readBytes(Int(length), "message")
    }
}
