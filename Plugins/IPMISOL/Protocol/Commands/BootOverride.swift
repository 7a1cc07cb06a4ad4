/// The boot flags (System Boot Options parameter 5, IPMI v2.0 table 28-14): which device the
/// next boot (or every boot) uses, and whether firmware boots in legacy or UEFI mode.
public struct BootOverride: Equatable, Sendable {
    public var device: BootDevice
    /// Applies to every boot instead of only the next one.
    public var persistent: Bool
    /// Boot in UEFI mode instead of legacy BIOS mode.
    public var uefi: Bool
    /// The BMC considers the flags valid (bit 7 of data 1).
    public var valid: Bool

    public init(device: BootDevice, persistent: Bool = false, uefi: Bool = false, valid: Bool = true) {
        self.device = device
        self.persistent = persistent
        self.uefi = uefi
        self.valid = valid
    }

    static let parameterSelector: UInt8 = 0x05

    /// The five boot-flag data bytes.
    var encoded: [UInt8] {
        var flags: UInt8 = valid ? 0x80 : 0x00
        if persistent { flags |= 0x40 }
        if uefi { flags |= 0x20 }
        return [flags, device.rawValue << 2, 0x00, 0x00, 0x00]
    }

    var setRequest: IPMIRequest {
        IPMIRequest(
            .chassis, command: 0x08, data: [Self.parameterSelector] + encoded,
            name: "Set System Boot Options (boot flags)"
        )
    }

    static let getRequest = IPMIRequest(
        .chassis, command: 0x09, data: [parameterSelector, 0x00, 0x00],
        name: "Get System Boot Options (boot flags)"
    )

    /// Decodes the Get System Boot Options response data (version, selector, 5 data bytes).
    static func decode(_ data: [UInt8]) throws(IPMIError) -> BootOverride {
        var reader = ByteReader(data, context: "Get System Boot Options")
        _ = try reader.readUInt8("parameter version")
        let selector = try reader.readUInt8("parameter selector")
        guard selector & 0x7F == parameterSelector else {
            throw .malformedPacket("Get System Boot Options answered parameter \(selector & 0x7F), not 5")
        }
        let flags = try reader.readBytes(5, "boot flags")
        let deviceBits = (flags[1] >> 2) & 0x0F
        guard let device = BootDevice(rawValue: deviceBits) else {
            throw .malformedPacket("boot device selector 0x\(String(deviceBits, radix: 16)) is reserved")
        }
        return BootOverride(
            device: device, persistent: flags[0] & 0x40 != 0, uefi: flags[0] & 0x20 != 0, valid: flags[0] & 0x80 != 0
        )
    }
}
