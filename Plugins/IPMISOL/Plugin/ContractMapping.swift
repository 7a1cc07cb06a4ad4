import Contracts

/// Between the Contracts vocabulary and IPMI's.
enum ContractMapping {
    static func chassisAction(_ action: Power.Action) -> ChassisControlAction {
        switch action {
        case .on: .powerOn
        case .off: .powerOff
        case .cycle: .powerCycle
        case .reset: .hardReset
        case .soft: .softShutdown
        }
    }

    static func bootDevice(_ device: Boot.Device) -> BootDevice {
        switch device {
        case .none: .noOverride
        case .pxe: .pxe
        case .disk: .disk
        case .cdrom: .cdrom
        case .bios: .biosSetup
        }
    }

    /// The contract's name for an IPMI boot device; nil for devices it has no word for.
    static func bootDevice(_ device: BootDevice) -> Boot.Device? {
        switch device {
        case .noOverride: Boot.Device.none
        case .pxe: .pxe
        case .disk, .diskSafeMode, .remoteDisk: .disk
        case .cdrom, .remoteCDROM: .cdrom
        case .biosSetup: .bios
        case .diagnosticPartition, .remoteFloppy, .remoteMedia, .floppy: nil
        }
    }

    static func info(_ id: DeviceID, server: ServerID) -> BMC.Info.Reply {
        let manufacturer = manufacturers[id.manufacturerID].map { "\($0) (IANA \(id.manufacturerID))" } ?? "IANA \(id.manufacturerID)"
        return BMC.Info.Reply(
            server: server,
            manufacturer: manufacturer,
            product: "0x\(String(id.productID, radix: 16).leftPadded(4)) (device ID \(id.deviceID), revision \(id.deviceRevision))",
            firmware: id.firmwareRevision,
            protocolVersion: id.ipmiVersion
        )
    }

    static func event(_ entry: SELEntry) -> SystemEventLog.Entry {
        SystemEventLog.Entry(id: Int(entry.recordID), timestamp: entry.timestamp.map(Int64.init), summary: SELSummary.describe(entry))
    }

    /// IANA enterprise numbers of common BMC vendors.
    static let manufacturers: [UInt32: String] = [
        2: "IBM", 11: "Hewlett-Packard", 343: "Intel", 674: "Dell", 2011: "Huawei", 4753: "MontaVista", 7244: "Quanta",
        10368: "Fujitsu", 10876: "Supermicro", 19046: "Lenovo", 20301: "IBM", 20569: "Inventec",
    ]
}
