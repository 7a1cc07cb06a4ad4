/// Get Channel Cipher Suites (App 0x54, IPMI v2.0 section 22.15): the suite records of a
/// channel, fetched 16 bytes at a time with an increasing list index.
enum ChannelCipherSuites {
    static let bytesPerResponse = 16
    static let maximumListIndex: UInt8 = 0x3F

    /// Lists records by cipher suite (bit 7) for IPMI message payloads on this channel.
    static func request(listIndex: UInt8) -> IPMIRequest {
        IPMIRequest(
            .application, command: 0x54, data: [0x0E, PayloadType.ipmiMessage.rawValue, 0x80 | (listIndex & 0x3F)],
            name: "Get Channel Cipher Suites"
        )
    }

    /// Splits one response into the channel number and its record bytes.
    static func decodeResponse(_ data: [UInt8]) throws(IPMIError) -> [UInt8] {
        var reader = ByteReader(data, context: "Get Channel Cipher Suites")
        _ = try reader.readUInt8("channel number")
        return reader.readRemaining()
    }

    /// The cipher suite IDs in the concatenated record data. Standard records start with
    /// 0xC0 (ID follows), OEM records with 0xC1 (ID and a 3-byte IANA follow); algorithm
    /// bytes carry tag bits 00/01/10 in their top two bits.
    static func suiteIDs(in records: [UInt8]) throws(IPMIError) -> [UInt8] {
        var ids: [UInt8] = []
        var index = 0
        while index < records.count {
            let start = records[index]
            guard start == 0xC0 || start == 0xC1 else {
                throw .malformedPacket("cipher suite record starts with 0x\(String(start, radix: 16)), not 0xC0/0xC1")
            }
            guard index + 1 < records.count else {
                throw .malformedPacket("cipher suite record is truncated")
            }
            let id = records[index + 1]
            index += start == 0xC0 ? 2 : 5
            while index < records.count, records[index] & 0xC0 != 0xC0 {
                index += 1
            }
            if start == 0xC0 { ids.append(id) }
        }
        return ids
    }
}
