import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Free loopback ports for a lab, chosen by the kernel (bind to port 0), so concurrent test
/// runs do not collide.
enum LabPorts {
    /// A UDP port on 127.0.0.1 nobody has bound.
    static func freeUDP() -> Int { free(type: Int32(SOCK_DGRAM.rawValue)) }

    /// A TCP port on 127.0.0.1 nobody listens on.
    static func freeTCP() -> Int { free(type: Int32(SOCK_STREAM.rawValue)) }

    private static func free(type: Int32) -> Int {
        let fd = socket(AF_INET, type, 0)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
