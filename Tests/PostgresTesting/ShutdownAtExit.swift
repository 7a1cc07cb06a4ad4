import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Stops the test cluster when the test process exits (SIGQUIT to the postmaster: immediate
/// shutdown), so no server outlives the tests.
enum ShutdownAtExit {
    private static let folders = Mutex<[String]>([])

    static func register(dataFolder: String) {
        let first = folders.withLock { list in
            list.append(dataFolder)
            return list.count == 1
        }
        if first { atexit { ShutdownAtExit.stopAll() } }
    }

    private static func stopAll() {
        for folder in folders.withLock({ $0 }) {
            guard let text = try? String(contentsOfFile: folder + "/postmaster.pid", encoding: .utf8),
                let line = text.split(separator: "\n").first, let pid = Int32(line), pid > 1
            else { continue }
            kill(pid, SIGQUIT)
        }
    }
}
