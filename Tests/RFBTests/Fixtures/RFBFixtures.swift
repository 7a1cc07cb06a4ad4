@testable import RFB

/// Byte fixtures shaped like what QEMU 7.2 sends (see the real-peer tests for the real thing).
enum RFBFixtures {
    /// 32 bpp, depth 24, little-endian true colour, shifts 16/8/0: QEMU's default.
    static let pixelFormat: [UInt8] = Bytes.hex("20 18 00 01 00ff 00ff 00ff 10 08 00 000000")

    /// ServerInit for a 720x400 framebuffer named "QEMU (tether-test)".
    static let serverInit: [UInt8] =
        Bytes.uint16(720) + Bytes.uint16(400) + pixelFormat + Bytes.reason("QEMU (tether-test)")

    /// QEMU's 3.8 authentication failure: result 1 and a reason that includes the C string's NUL.
    static let qemuAuthenticationFailure: [UInt8] =
        Bytes.uint32(1) + Bytes.uint32(22) + Bytes.ascii("Authentication failed") + [0]

    /// Challenge and response computed independently (see VNCDESTests).
    static let challenge: [UInt8] = Array(0...15)
    static let responseForS3cret: [UInt8] = Bytes.hex("fc9a2bb8546a63388eb45b530d3a6337")
}
