import Testing
@testable import IPMISOL

struct SELSummaryTests {
    func entry(type: UInt8 = 0x02, sensorType: UInt8, sensor: UInt8, direction: UInt8, data: [UInt8]) throws -> SELEntry {
        try SELEntry.decode([0x01, 0x00, type, 0x00, 0x00, 0x00, 0x00, 0x20, 0x00, 0x04, sensorType, sensor, direction] + data)
    }

    @Test func describesLikeIPMIToolSelList() throws {
        #expect(SELSummary.describe(try entry(sensorType: 0x01, sensor: 0x01, direction: 0x01, data: [0x01, 0x02, 0x03]))
            == "Temperature #0x01 | Lower Non-critical going high | Asserted")
        #expect(SELSummary.describe(try entry(sensorType: 0x04, sensor: 0x30, direction: 0x81, data: [0x09, 0xFF, 0xFF]))
            == "Fan #0x30 | Upper Critical going high | Deasserted")
        #expect(SELSummary.describe(try entry(sensorType: 0x07, sensor: 0x02, direction: 0x6F, data: [0x05, 0xFF, 0xFF]))
            == "Processor #0x02 | Event type 0x6f offset 0x05 | Asserted")
        #expect(SELSummary.describe(try entry(sensorType: 0xD0, sensor: 0x02, direction: 0x6F, data: [0x00, 0xFF, 0xFF])).hasPrefix("OEM #0x02"))
        #expect(SELSummary.describe(try entry(type: 0xE0, sensorType: 0, sensor: 0, direction: 0, data: [1, 2, 3])).hasPrefix("OEM record 0xe0 | "))
    }
}
