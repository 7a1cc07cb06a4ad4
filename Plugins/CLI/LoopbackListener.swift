import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-shot HTTP listener on 127.0.0.1 (a free port) for the OIDC loopback redirect. It
/// runs on its own thread (blocking `poll`/`accept` must not hold a Swift concurrency
/// thread) and ends at the first callback with a code or a refusal, or at the deadline.
final class LoopbackListener: Sendable {
    let port: Int
    private let fd: Int32

    /// Most requests served before giving up (favicons, reloads, stray tabs).
    static let maximumRequests = 64
    /// Largest request head read.
    static let maximumHeadBytes = 8192

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CLIError.failure("cannot open a loopback socket for the login: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0, listen(fd, 8) == 0 else {
            close(fd)
            throw CLIError.failure("cannot listen on 127.0.0.1 for the login: errno \(errno)")
        }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        self.fd = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    var redirectURI: String { "http://127.0.0.1:\(port)\(LoopbackCallback.path)" }

    /// Waits for the callback carrying `state`; returns the code.
    func awaitCode(state: String, timeout: Duration) async throws -> String {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<String, any Error>) in
            let thread = Thread { [self] in
                continuation.resume(with: Result { try self.serve(state: state, timeout: timeout) })
            }
            thread.start()
        }
    }

    private func serve(state: String, timeout: Duration) throws -> String {
        defer { close(fd) }
        let deadline = ContinuousClock.now + timeout
        for _ in 0..<Self.maximumRequests {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { break }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(min(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000, 60_000))
            let ready = poll(&poller, 1, max(milliseconds, 1))
            if ready == 0 { continue }
            if ready < 0 { if errno == EINTR { continue } else { break } }
            let client = accept(fd, nil, nil)
            guard client >= 0 else { continue }
            let outcome = LoopbackCallback.interpret(Self.readHead(client), expectedState: state)
            let answer = Array(outcome.response.utf8)
            _ = answer.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            close(client)
            switch outcome {
            case .code(let code): return code
            case .refused(let reason): throw CLIError.authentication("the identity provider refused the login: \(reason)")
            case .ignored: continue
            }
        }
        throw CLIError.authentication("no login came back from the browser in time: run `tether login` again")
    }

    /// The request head, read with a 5 s limit per connection.
    private static func readHead(_ client: Int32) -> String {
        var limit = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 2048)
        while head.count < maximumHeadBytes {
            let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            head += buffer[0..<count]
            if head.count >= 4, String(decoding: head.suffix(min(head.count, 2052)), as: UTF8.self).contains("\r\n\r\n") { break }
        }
        return String(decoding: head, as: UTF8.self)
    }
}
