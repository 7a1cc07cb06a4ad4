/// One line describing a SEL record, in the words `ipmitool sel list` uses:
/// `Temperature #0x01 | Lower Non-critical going high | Asserted`.
enum SELSummary {
    static func describe(_ entry: SELEntry) -> String {
        guard entry.isSystemEvent else {
            let hex = entry.raw.dropFirst(3).map { String($0, radix: 16).leftPadded(2) }.joined()
            return "OEM record 0x\(String(entry.recordType, radix: 16).leftPadded(2)) | \(hex)"
        }
        let sensor = "\(sensorTypeName(entry.sensorType)) #0x\(String(entry.sensorNumber, radix: 16).leftPadded(2))"
        let direction = entry.isDeassertion ? "Deasserted" : "Asserted"
        return "\(sensor) | \(eventDescription(entry)) | \(direction)"
    }

    static func eventDescription(_ entry: SELEntry) -> String {
        let eventType = entry.eventDirectionAndType & 0x7F
        let offset = Int((entry.eventData.first ?? 0) & 0x0F)
        if eventType == 0x01, offset < thresholdEvents.count {
            return thresholdEvents[offset]
        }
        return "Event type 0x\(String(eventType, radix: 16).leftPadded(2)) offset 0x\(String(offset, radix: 16).leftPadded(2))"
    }

    /// IPMI v2.0 table 42-2, threshold event offsets.
    static let thresholdEvents = [
        "Lower Non-critical going low", "Lower Non-critical going high",
        "Lower Critical going low", "Lower Critical going high",
        "Lower Non-recoverable going low", "Lower Non-recoverable going high",
        "Upper Non-critical going low", "Upper Non-critical going high",
        "Upper Critical going low", "Upper Critical going high",
        "Upper Non-recoverable going low", "Upper Non-recoverable going high",
    ]

    /// IPMI v2.0 table 42-3, sensor type codes 0x01-0x2C.
    static let sensorTypes = [
        "Temperature", "Voltage", "Current", "Fan", "Physical Security", "Platform Security",
        "Processor", "Power Supply", "Power Unit", "Cooling Device", "Other", "Memory",
        "Drive Slot / Bay", "POST Memory Resize", "System Firmwares", "Event Logging Disabled",
        "Watchdog1", "System Event", "Critical Interrupt", "Button", "Module / Board",
        "Microcontroller", "Add-in Card", "Chassis", "Chip Set", "Other FRU",
        "Cable / Interconnect", "Terminator", "System Boot Initiated", "Boot Error", "OS Boot",
        "OS Critical Stop", "Slot / Connector", "System ACPI Power State", "Watchdog2",
        "Platform Alert", "Entity Presence", "Monitor ASIC", "LAN", "Management Subsys Health",
        "Battery", "Session Audit", "Version Change", "FRU State",
    ]

    static func sensorTypeName(_ code: UInt8) -> String {
        let index = Int(code) - 1
        guard index >= 0, index < sensorTypes.count else {
            return code >= 0xC0 ? "OEM" : "Sensor type 0x\(String(code, radix: 16).leftPadded(2))"
        }
        return sensorTypes[index]
    }
}

extension String {
    /// Left-pads with zeros to `width` characters.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
