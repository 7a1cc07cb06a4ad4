/// Reserve SEL (Storage 0x42) and Clear SEL (Storage 0x47, IPMI v2.0 sections 31.4 and 31.9).
enum SELReservation {
    static let reserveRequest = IPMIRequest(.storage, command: 0x42, name: "Reserve SEL")

    static func decodeReservationID(_ data: [UInt8]) throws(IPMIError) -> UInt16 {
        var reader = ByteReader(data, context: "Reserve SEL")
        return try reader.readUInt16("reservation ID")
    }

    /// Clear SEL with `initiate` (0xAA) starts the erase; with 0x00 it reports progress.
    static func clearRequest(reservationID: UInt16, initiate: Bool) -> IPMIRequest {
        var data: [UInt8] = []
        data.appendLittleEndian(reservationID)
        data += [0x43, 0x4C, 0x52, initiate ? 0xAA : 0x00]  // "CLR"
        return IPMIRequest(.storage, command: 0x47, data: data, name: "Clear SEL")
    }

    /// True when the erasure has completed.
    static func decodeClearProgress(_ data: [UInt8]) throws(IPMIError) -> Bool {
        var reader = ByteReader(data, context: "Clear SEL")
        return try reader.readUInt8("erasure progress") & 0x0F == 0x01
    }
}
