/// The answer to Get Device ID (App 0x01, IPMI v2.0 section 20.1).
public struct DeviceID: Equatable, Sendable {
    public var deviceID: UInt8
    public var deviceRevision: UInt8
    public var providesDeviceSDRs: Bool
    public var deviceAvailable: Bool
    public var firmwareMajor: UInt8
    /// Minor firmware revision, decoded from BCD (0x09 -> 9, 0x10 -> 10).
    public var firmwareMinor: UInt8
    /// IPMI version as "major.minor", e.g. "2.0".
    public var ipmiVersion: String
    public var additionalDeviceSupport: UInt8
    /// IANA enterprise number of the manufacturer (20 bits).
    public var manufacturerID: UInt32
    public var productID: UInt16
    public var auxiliaryFirmwareRevision: [UInt8]

    /// Firmware revision as ipmitool prints it: major "." two-digit minor.
    public var firmwareRevision: String {
        let minor = String(firmwareMinor)
        return "\(firmwareMajor).\(minor.count == 1 ? "0" + minor : minor)"
    }

    static let request = IPMIRequest(.application, command: 0x01, name: "Get Device ID")

    static func decode(_ data: [UInt8]) throws(IPMIError) -> DeviceID {
        var reader = ByteReader(data, context: "Get Device ID")
        let id = try reader.readUInt8("device ID")
        let revision = try reader.readUInt8("device revision")
        let firmware1 = try reader.readUInt8("firmware revision 1")
        let firmware2 = try reader.readUInt8("firmware revision 2")
        let version = try reader.readUInt8("IPMI version")
        let support = try reader.readUInt8("additional device support")
        let manufacturer = try reader.readBytes(3, "manufacturer ID")
        let product = try reader.readUInt16("product ID")
        let aux = reader.remainingCount >= 4 ? try reader.readBytes(4, "auxiliary firmware revision") : []
        return DeviceID(
            deviceID: id,
            deviceRevision: revision & 0x0F,
            providesDeviceSDRs: revision & 0x80 != 0,
            deviceAvailable: firmware1 & 0x80 == 0,
            firmwareMajor: firmware1 & 0x7F,
            firmwareMinor: (firmware2 >> 4) * 10 + (firmware2 & 0x0F),
            ipmiVersion: "\(version & 0x0F).\(version >> 4)",
            additionalDeviceSupport: support,
            manufacturerID: (UInt32(manufacturer[0]) | UInt32(manufacturer[1]) << 8 | UInt32(manufacturer[2]) << 16) & 0x0F_FFFF,
            productID: product,
            auxiliaryFirmwareRevision: aux
        )
    }
}
