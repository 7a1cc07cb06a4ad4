import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keyboard bytes as an async stream, read on a dedicated thread (a blocking `read(2)` must
/// not occupy a Swift concurrency thread).
enum StandardInputReader {
    static func bytes() -> AsyncStream<[UInt8]> {
        AsyncStream { continuation in
            let thread = Thread {
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, 4096) }
                    if count <= 0 { break }
                    continuation.yield(Array(buffer[0..<count]))
                }
                continuation.finish()
            }
            thread.start()
        }
    }
}
