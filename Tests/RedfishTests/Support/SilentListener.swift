import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A TCP port on 127.0.0.1 that completes the TCP handshake (the kernel's backlog) and then
/// never answers: a BMC that hangs. Closed by ``close()``.
final class SilentListener: Sendable {
    let port: Int
    private let fd: Int32

    init() throws {
        port = try TestPorts.allocate()
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw PeerError("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            Glibc.close(fd)
            throw PeerError("cannot listen on 127.0.0.1:\(port)")
        }
        self.fd = fd
    }

    func close() { Glibc.close(fd) }
}
