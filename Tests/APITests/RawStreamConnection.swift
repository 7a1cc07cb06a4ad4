import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare blocking TCP client, for a client that does not read:
/// sends one HTTP request, then reads only when told to (each read bounded by 5 s).
final class RawStreamConnection {
    private let socket: Int32

    init(port: Int, request: String) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw TestFailure(reason: "socket() failed") }
        var wait = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw TestFailure(reason: "connect to 127.0.0.1:\(port) failed: errno \(errno)")
        }
        let bytes = Array(request.utf8)
        guard send(socket, bytes, bytes.count, 0) == bytes.count else {
            close(socket)
            throw TestFailure(reason: "send failed")
        }
    }

    deinit { close(socket) }

    /// Reads until the server closes the connection or sends nothing for 5 s (a closed
    /// socket's end may not be seen while a process spawned meanwhile holds a copy of it);
    /// returns everything read.
    func readUntilQuiet(maximumBytes: Int = 256 * 1024 * 1024) throws -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while data.count < maximumBytes {
            let count = recv(socket, &chunk, chunk.count, 0)
            if count == 0 { return data }
            if count < 0 {
                if errno == ECONNRESET || errno == EAGAIN || errno == EWOULDBLOCK { return data }
                throw TestFailure(reason: "recv failed (errno \(errno)) after \(data.count) bytes")
            }
            data.append(contentsOf: chunk[0..<count])
        }
        throw TestFailure(reason: "more than \(maximumBytes) bytes: the stream was never cut off")
    }
}
