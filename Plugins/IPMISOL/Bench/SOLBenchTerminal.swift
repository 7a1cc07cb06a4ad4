import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal pair in raw mode: `ipmitool` runs on the secondary side (as in a
/// terminal), the benchmark reads and types on the primary side.
final class SOLBenchTerminal: @unchecked Sendable {
    let primary: Int32
    let secondary: Int32
    private var reader: Thread?

    /// Linux ioctls (not importable: defined through _IOW/_IOR macros).
    private static let getPTYNumber: UInt = 0x8004_5430  // TIOCGPTN
    private static let setPTYLock: UInt = 0x4004_5431  // TIOCSPTLCK

    init() throws {
        let primary = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard primary >= 0 else { throw SOLBenchError.failed("cannot open /dev/ptmx") }
        var unlock: CInt = 0
        var number: CInt = 0
        guard ioctl(primary, Self.setPTYLock, &unlock) == 0, ioctl(primary, Self.getPTYNumber, &number) == 0 else {
            close(primary)
            throw SOLBenchError.failed("cannot unlock the pseudo-terminal")
        }
        let secondary = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard secondary >= 0 else {
            close(primary)
            throw SOLBenchError.failed("cannot open /dev/pts/\(number)")
        }
        var settings = termios()
        tcgetattr(secondary, &settings)
        cfmakeraw(&settings)
        tcsetattr(secondary, TCSANOW, &settings)
        self.primary = primary
        self.secondary = secondary
    }

    /// Copies everything the program writes into `collector`, on a thread of its own that
    /// ends when the primary side is closed or the program's side is gone.
    func startReading(into collector: SOLBenchCollector) {
        let fd = primary
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count <= 0 { return }
                collector.append(buffer[0..<count])
            }
        }
        thread.start()
        reader = thread
    }

    func type(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(primary, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }

    func closeSecondary() { close(secondary) }

    func closePrimary() { close(primary) }
}
