import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Ports for the peers these tests start: 8100-8199 on 127.0.0.1, each handed out once per
/// run and checked free (bounded: one pass over the range).
enum TestPorts {
    private static let next = Mutex(8100 + Int(getpid() % 50))

    static func allocate() throws -> Int {
        for _ in 0..<100 {
            let port = next.withLock { value in
                defer { value = value >= 8199 ? 8100 : value + 1 }
                return value
            }
            if isFree(port) { return port }
        }
        throw PeerError("no free TCP port in 8100-8199 on 127.0.0.1")
    }

    static func isFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// Whether something accepts TCP connections on the port (the connection is closed at once).
    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    private static func loopback(_ port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }
}
