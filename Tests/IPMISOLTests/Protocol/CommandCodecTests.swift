import Testing
@testable import IPMISOL

struct CommandCodecTests {
    @Test func deviceIDFromIPMISim() throws {
        // Get Device ID data as ipmi_sim answers it (ipmitool: Firmware Revision 9.08, IPMI 2.0).
        let id = try DeviceID.decode([UInt8](hex: "00 03 09 08 02 9f 91 12 00 02 0f 00 00 00 00"))
        #expect(id.deviceID == 0 && id.deviceRevision == 3)
        #expect(id.firmwareRevision == "9.08")
        #expect(id.ipmiVersion == "2.0")
        #expect(id.manufacturerID == 4753)
        #expect(id.productID == 0x0F02)
        #expect(id.deviceAvailable)
        #expect(throws: IPMIError.self) { try DeviceID.decode([0, 3, 9]) }
    }

    @Test func chassisStatusBits() throws {
        let status = try ChassisStatus.decode([0x41, 0x10, 0x01])
        #expect(status.isPowerOn)
        #expect(status.powerRestorePolicy == .alwaysOn)
        #expect(status.lastPowerEvent == .commandedOn)
        #expect(status.chassisIntrusion)
        #expect(throws: IPMIError.self) { try ChassisStatus.decode([0x01]) }
    }

    @Test func chassisControlBytes() {
        #expect(ChassisControlAction.powerCycle.request.encode(sequence: 1) == [UInt8](hex: "20 00 e0 81 04 02 02 77"))
        #expect(ChassisControlAction.softShutdown.rawValue == 5)
    }

    @Test func bootFlags() throws {
        let override = BootOverride(device: .pxe, persistent: true, uefi: true)
        #expect(override.encoded == [0xE0, 0x04, 0, 0, 0])
        #expect(override.setRequest.data == [0x05, 0xE0, 0x04, 0, 0, 0])
        #expect(BootOverride(device: .cdrom).encoded == [0x80, 0x14, 0, 0, 0])
        let decoded = try BootOverride.decode([0x01, 0x05, 0xA0, 0x18, 0, 0, 0])
        #expect(decoded == BootOverride(device: .biosSetup, persistent: false, uefi: true, valid: true))
        #expect(throws: IPMIError.self) { try BootOverride.decode([0x01, 0x04, 0, 0, 0, 0, 0]) }
        #expect(throws: IPMIError.self) { try BootOverride.decode([0x01, 0x05, 0x80, 0x28, 0, 0, 0]) }
    }

    @Test func selEntryAndInfo() throws {
        let (next, entry) = try SELEntry.decodeResponse([UInt8](hex: "0200 0100 02 59030000 2000 04 01 03 01 010203"))
        #expect(next == 2)
        #expect(entry.recordID == 1 && entry.isSystemEvent && entry.timestamp == 0x359)
        #expect(entry.sensorNumber == 3 && entry.eventData == [1, 2, 3] && !entry.isDeassertion)
        #expect(SELEntry.getRequest(recordID: 0x0102, reservationID: 0x0304).data == [0x04, 0x03, 0x02, 0x01, 0x00, 0xFF])
        let info = try SELInfo.decode([UInt8](hex: "51 0300 803e ffffffff ffffffff 0a"))
        #expect(info.entryCount == 3 && info.freeSpaceBytes == 16000 && info.supportsReserve && info.supportsDelete)
        #expect(SELReservation.clearRequest(reservationID: 7, initiate: true).data == [7, 0, 0x43, 0x4C, 0x52, 0xAA])
        #expect(try SELReservation.decodeClearProgress([0x01]))
    }

    @Test func solActivationResponse() throws {
        let activation = try SOLPayloadActivation.decode([UInt8](hex: "00000000 2000 0040 6f02 ffff"))
        #expect(activation.inboundPayloadSize == 32)
        #expect(activation.outboundPayloadSize == 16384)
        #expect(activation.port == 623)
        #expect(SOLPayloadActivation.activateRequest(encrypted: true, authenticated: true).data == [1, 1, 0xC0, 0, 0, 0])
    }
}
