/// One SOL payload (IPMI v2.0 section 15.9, table 15-2).
///
///     packet sequence (bits 3:0; 0 = ACK-only) | ACK/NACK sequence (0 = none)
///     | accepted character count | operation/status | character data
struct SOLPacket: Equatable, Sendable {
    /// Remote console -> BMC operation bits.
    struct Operation: OptionSet, Sendable, Hashable {
        let rawValue: UInt8
        static let nack = Operation(rawValue: 0x40)
        static let ringWakeOnRing = Operation(rawValue: 0x20)
        static let generateBreak = Operation(rawValue: 0x10)
        static let ctsPause = Operation(rawValue: 0x08)
        static let dropDCDDSR = Operation(rawValue: 0x04)
        static let flushInbound = Operation(rawValue: 0x02)
        static let flushOutbound = Operation(rawValue: 0x01)
    }

    /// BMC -> remote console status bits.
    struct Status: OptionSet, Sendable, Hashable {
        let rawValue: UInt8
        static let nack = Status(rawValue: 0x40)
        static let characterTransferUnavailable = Status(rawValue: 0x20)
        static let deactivating = Status(rawValue: 0x10)
        static let transmitOverrun = Status(rawValue: 0x08)
        static let breakDetected = Status(rawValue: 0x04)
    }

    static let headerCount = 4

    /// 1...15; 0 for an ACK-only packet.
    var sequence: UInt8
    /// The acknowledged packet's sequence, 0 if this packet acknowledges nothing.
    var acknowledgedSequence: UInt8
    var acceptedCount: UInt8
    /// Operation (outbound) or status (inbound) byte.
    var operationOrStatus: UInt8
    var data: [UInt8]

    var status: Status { Status(rawValue: operationOrStatus) }

    static func ack(sequence acknowledged: UInt8, acceptedCount: UInt8) -> SOLPacket {
        SOLPacket(sequence: 0, acknowledgedSequence: acknowledged, acceptedCount: acceptedCount, operationOrStatus: 0, data: [])
    }

    func encode() -> [UInt8] {
        [sequence & 0x0F, acknowledgedSequence & 0x0F, acceptedCount, operationOrStatus & 0x7F] + data
    }

    static func decode(_ payload: [UInt8]) throws(IPMIError) -> SOLPacket {
        guard payload.count >= headerCount else {
            throw .malformedPacket("SOL payload of \(payload.count) bytes is shorter than its 4-byte header")
        }
        return SOLPacket(
            sequence: payload[0] & 0x0F,
            acknowledgedSequence: payload[1] & 0x0F,
            acceptedCount: payload[2],
            operationOrStatus: payload[3],
            data: Array(payload[headerCount...])
        )
    }

    /// The sequence after `sequence` in 1...15 (0 is reserved for ACK-only packets).
    static func sequence(after sequence: UInt8) -> UInt8 {
        sequence >= 15 || sequence == 0 ? 1 : sequence + 1
    }
}
