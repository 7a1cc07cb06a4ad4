import NIOCore

/// The bytes both paths carry: 64 KiB of fixed pseudo-random data (neither TLS nor SSH
/// compresses, but nothing on the way should get an easy ride either).
enum LinkBenchPayload {
    static let chunk: ByteBuffer = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var bytes = [UInt8](repeating: 0, count: 65_536)
        for index in bytes.indices {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes[index] = UInt8(truncatingIfNeeded: state >> 56)
        }
        return ByteBuffer(bytes: bytes)
    }()
}
