/// Get Channel Authentication Capabilities (App 0x38, IPMI v2.0 section 22.13).
struct ChannelAuthenticationCapabilities: Equatable, Sendable {
    var channelNumber: UInt8
    /// Bit 7 of the auth-type byte: the response carries IPMI v2.0 extended data.
    var hasExtendedCapabilities: Bool
    var supportsIPMI20: Bool
    var supportsIPMI15: Bool
    var kgIsNonZero: Bool
    var oemID: UInt32

    /// "This channel" with the v2.0 extended-data bit set, asking about `privilege`.
    static func request(privilege: PrivilegeLevel) -> IPMIRequest {
        IPMIRequest(
            .application, command: 0x38, data: [0x8E, privilege.rawValue],
            name: "Get Channel Authentication Capabilities"
        )
    }

    static func decode(_ data: [UInt8]) throws(IPMIError) -> ChannelAuthenticationCapabilities {
        var reader = ByteReader(data, context: "Get Channel Authentication Capabilities")
        let channel = try reader.readUInt8("channel number")
        let authTypes = try reader.readUInt8("authentication type support")
        let status = try reader.readUInt8("authentication status")
        let extended = try reader.readUInt8("extended capabilities")
        let oem = try reader.readBytes(3, "OEM ID")
        return ChannelAuthenticationCapabilities(
            channelNumber: channel & 0x0F,
            hasExtendedCapabilities: authTypes & 0x80 != 0,
            supportsIPMI20: authTypes & 0x80 != 0 && extended & 0x02 != 0,
            supportsIPMI15: extended & 0x01 != 0,
            kgIsNonZero: status & 0x20 != 0,
            oemID: UInt32(oem[0]) | UInt32(oem[1]) << 8 | UInt32(oem[2]) << 16
        )
    }
}
