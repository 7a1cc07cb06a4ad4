/// Chassis Control actions (Chassis 0x02, IPMI v2.0 section 28.3).
public enum ChassisControlAction: UInt8, Sendable, CaseIterable {
    case powerOff = 0x00
    case powerOn = 0x01
    case powerCycle = 0x02
    case hardReset = 0x03
    case diagnosticInterrupt = 0x04
    /// ACPI soft shutdown: asks the operating system to shut down.
    case softShutdown = 0x05

    var request: IPMIRequest {
        IPMIRequest(.chassis, command: 0x02, data: [rawValue], name: "Chassis Control (\(self))")
    }
}
