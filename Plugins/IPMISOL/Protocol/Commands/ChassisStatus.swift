/// The answer to Get Chassis Status (Chassis 0x01, IPMI v2.0 section 28.2).
public struct ChassisStatus: Equatable, Sendable {
    /// What the chassis does when AC power returns.
    public enum PowerRestorePolicy: UInt8, Sendable {
        case alwaysOff = 0
        case previous = 1
        case alwaysOn = 2
        case unknown = 3
    }

    /// The cause of the last power event (byte 2).
    public struct LastPowerEvent: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let acFailed = LastPowerEvent(rawValue: 0x01)
        public static let overload = LastPowerEvent(rawValue: 0x02)
        public static let interlock = LastPowerEvent(rawValue: 0x04)
        public static let fault = LastPowerEvent(rawValue: 0x08)
        public static let commandedOn = LastPowerEvent(rawValue: 0x10)
    }

    public var isPowerOn: Bool
    public var powerOverload: Bool
    public var powerInterlock: Bool
    public var mainPowerFault: Bool
    public var powerControlFault: Bool
    public var powerRestorePolicy: PowerRestorePolicy
    public var lastPowerEvent: LastPowerEvent
    public var chassisIntrusion: Bool
    public var frontPanelLockout: Bool
    public var driveFault: Bool
    public var coolingFault: Bool

    static let request = IPMIRequest(.chassis, command: 0x01, name: "Get Chassis Status")

    static func decode(_ data: [UInt8]) throws(IPMIError) -> ChassisStatus {
        var reader = ByteReader(data, context: "Get Chassis Status")
        let power = try reader.readUInt8("current power state")
        let event = try reader.readUInt8("last power event")
        let misc = try reader.readUInt8("misc chassis state")
        return ChassisStatus(
            isPowerOn: power & 0x01 != 0,
            powerOverload: power & 0x02 != 0,
            powerInterlock: power & 0x04 != 0,
            mainPowerFault: power & 0x08 != 0,
            powerControlFault: power & 0x10 != 0,
            powerRestorePolicy: PowerRestorePolicy(rawValue: (power >> 5) & 0x03) ?? .unknown,
            lastPowerEvent: LastPowerEvent(rawValue: event & 0x1F),
            chassisIntrusion: misc & 0x01 != 0,
            frontPanelLockout: misc & 0x02 != 0,
            driveFault: misc & 0x04 != 0,
            coolingFault: misc & 0x08 != 0
        )
    }
}
