/// The answer to Get SEL Info (Storage 0x40, IPMI v2.0 section 31.2).
public struct SELInfo: Equatable, Sendable {
    /// SEL version, e.g. 0x51 for 1.5.
    public var version: UInt8
    public var entryCount: UInt16
    public var freeSpaceBytes: UInt16
    /// Seconds since 1970 (IPMI timestamp) of the last addition; 0xFFFFFFFF if none.
    public var mostRecentAddition: UInt32
    public var mostRecentErase: UInt32
    public var overflow: Bool
    public var supportsDelete: Bool
    public var supportsReserve: Bool

    static let request = IPMIRequest(.storage, command: 0x40, name: "Get SEL Info")

    static func decode(_ data: [UInt8]) throws(IPMIError) -> SELInfo {
        var reader = ByteReader(data, context: "Get SEL Info")
        let version = try reader.readUInt8("SEL version")
        let entries = try reader.readUInt16("entries")
        let free = try reader.readUInt16("free space")
        let addition = try reader.readUInt32("most recent addition")
        let erase = try reader.readUInt32("most recent erase")
        let support = try reader.readUInt8("operation support")
        return SELInfo(
            version: version, entryCount: entries, freeSpaceBytes: free,
            mostRecentAddition: addition, mostRecentErase: erase,
            overflow: support & 0x80 != 0, supportsDelete: support & 0x08 != 0, supportsReserve: support & 0x02 != 0
        )
    }
}
