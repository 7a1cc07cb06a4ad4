/// The IPMB two's-complement checksum: all covered bytes plus the checksum sum to 0 mod 256.
enum IPMIChecksum {
    static func of(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        let sum = bytes.reduce(UInt8(0)) { $0 &+ $1 }
        return 0 &- sum
    }

    static func verify(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.reduce(UInt8(0)) { $0 &+ $1 } == 0
    }
}
