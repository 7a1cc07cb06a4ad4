import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A port on 127.0.0.1 that nothing uses right now (the kernel picks it; a test then binds
/// it). Loopback only.
public enum FreePort {
    /// A TCP port nothing listens on.
    public static func find() -> Int { find(type: Int32(SOCK_STREAM.rawValue)) }

    /// A UDP port nothing has bound (an IPMI peer, a lab's port base).
    public static func findUDP() -> Int { find(type: Int32(SOCK_DGRAM.rawValue)) }

    private static func find(type: Int32) -> Int {
        let fd = socket(AF_INET, type, 0)
        precondition(fd >= 0, "socket() failed")
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

extension FreePort {
    /// Waits until something accepts TCP connections on 127.0.0.1:`port` (a server a test
    /// just started binds asynchronously), trying every 20 ms for at most `timeout`.
    /// - Returns: whether it did in time.
    @discardableResult
    public static func waitUntilListening(_ port: Int, timeout: Duration = .seconds(10)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if accepts(port) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return accepts(port)
    }

    /// Whether something accepts a TCP connection on 127.0.0.1:`port` right now.
    public static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        return withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, length) } } == 0
    }
}
