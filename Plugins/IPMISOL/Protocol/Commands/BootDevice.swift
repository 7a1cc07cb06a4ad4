/// Boot device selector of the boot flags parameter (IPMI v2.0 table 28-14, data 2 bits 5:2).
public enum BootDevice: UInt8, Sendable, CaseIterable {
    case noOverride = 0x00
    case pxe = 0x01
    case disk = 0x02
    case diskSafeMode = 0x03
    case diagnosticPartition = 0x04
    case cdrom = 0x05
    case biosSetup = 0x06
    case remoteFloppy = 0x07
    case remoteCDROM = 0x08
    case remoteMedia = 0x09
    case remoteDisk = 0x0B
    case floppy = 0x0F
}
