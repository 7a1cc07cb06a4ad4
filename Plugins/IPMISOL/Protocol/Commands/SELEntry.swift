/// One 16-byte System Event Log record (IPMI v2.0 section 32).
public struct SELEntry: Equatable, Sendable {
    public var recordID: UInt16
    /// 0x02 = system event record; 0xC0-0xDF timestamped OEM; 0xE0-0xFF non-timestamped OEM.
    public var recordType: UInt8
    /// Seconds since 1970 (absent for non-timestamped OEM records).
    public var timestamp: UInt32?
    public var generatorID: UInt16
    public var eventMessageRevision: UInt8
    public var sensorType: UInt8
    public var sensorNumber: UInt8
    /// Bit 7 set: deassertion event.
    public var eventDirectionAndType: UInt8
    public var eventData: [UInt8]
    /// The 16 raw bytes.
    public var raw: [UInt8]

    public var isSystemEvent: Bool { recordType == 0x02 }
    public var isDeassertion: Bool { eventDirectionAndType & 0x80 != 0 }

    static let lastRecordID: UInt16 = 0xFFFF

    static func getRequest(recordID: UInt16, reservationID: UInt16) -> IPMIRequest {
        var data: [UInt8] = []
        data.appendLittleEndian(reservationID)
        data.appendLittleEndian(recordID)
        data += [0x00, 0xFF]  // offset 0, read the entire record
        return IPMIRequest(.storage, command: 0x43, data: data, name: "Get SEL Entry")
    }

    /// Decodes a Get SEL Entry response: next record ID, then the record.
    static func decodeResponse(_ data: [UInt8]) throws(IPMIError) -> (next: UInt16, entry: SELEntry) {
        var reader = ByteReader(data, context: "Get SEL Entry")
        let next = try reader.readUInt16("next record ID")
        let raw = try reader.readBytes(16, "SEL record")
        return (next, try decode(raw))
    }

    static func decode(_ raw: [UInt8]) throws(IPMIError) -> SELEntry {
        var reader = ByteReader(raw, context: "SEL record")
        let id = try reader.readUInt16("record ID")
        let type = try reader.readUInt8("record type")
        let timestamp = try reader.readUInt32("timestamp")
        let generator = try reader.readUInt16("generator ID")
        let revision = try reader.readUInt8("EvM revision")
        let sensorType = try reader.readUInt8("sensor type")
        let sensorNumber = try reader.readUInt8("sensor number")
        let direction = try reader.readUInt8("event dir/type")
        let eventData = try reader.readBytes(3, "event data")
        return SELEntry(
            recordID: id, recordType: type, timestamp: type >= 0xE0 ? nil : timestamp,
            generatorID: generator, eventMessageRevision: revision, sensorType: sensorType,
            sensorNumber: sensorNumber, eventDirectionAndType: direction, eventData: eventData, raw: raw
        )
    }
}
