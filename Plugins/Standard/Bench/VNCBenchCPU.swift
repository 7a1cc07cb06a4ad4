import Foundation

/// CPU time, so the bench can report cost per byte, which a machine shared with other work
/// disturbs far less than throughput.
enum VNCBenchCPU {
    /// User plus system CPU seconds of this process (all threads).
    static var ownSeconds: Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// User plus system CPU seconds of process `pid` and its live children (from /proc).
    static func seconds(ofProcessTree pid: Int32) -> Double {
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        guard ticks > 0, let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return 0 }
        var total = 0.0
        for entry in entries where Int32(entry) != nil {
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let afterName = stat.range(of: ") ", options: .backwards)
            else { continue }
            // Fields after "pid (comm) ": state ppid ... utime (14th field overall) stime (15th).
            let fields = stat[afterName.upperBound...].split(separator: " ")
            guard fields.count > 12, let parent = Int32(fields[1]), let user = Double(fields[11]), let system = Double(fields[12]) else { continue }
            if Int32(entry) == pid || parent == pid { total += (user + system) / ticks }
        }
        return total
    }
}
