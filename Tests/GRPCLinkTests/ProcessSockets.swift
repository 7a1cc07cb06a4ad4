import Foundation

/// The sockets a process listens on, read from `/proc`: its open socket inodes matched
/// against the TCP sockets in LISTEN state and every bound UDP socket of its network
/// namespace.
enum ProcessSockets {
    /// Each listening socket as `tcp 127.0.0.1:port` / `udp6 ...` (hex as the kernel prints).
    static func listening(pid: Int32) throws -> [String] {
        let fdFolder = "/proc/\(pid)/fd"
        var inodes = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: fdFolder) {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fdFolder)/\(name)"),
                target.hasPrefix("socket:[")
            else { continue }
            inodes.insert(String(target.dropFirst(8).dropLast()))
        }
        var found: [String] = []
        for table in ["tcp", "tcp6", "udp", "udp6"] {
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/net/\(table)", encoding: .utf8) else { continue }
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count > 9 else { continue }
                let local = fields[1]
                let state = fields[3]
                let inode = String(fields[9])
                guard inodes.contains(inode) else { continue }
                if table.hasPrefix("tcp"), state != "0A" { continue }
                found.append("\(table) \(local)")
            }
        }
        return found
    }

    /// How many sockets the process has open at all (to check the scan sees something).
    static func socketCount(pid: Int32) throws -> Int {
        let fdFolder = "/proc/\(pid)/fd"
        return try FileManager.default.contentsOfDirectory(atPath: fdFolder).filter {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fdFolder)/\($0)"))?.hasPrefix("socket:[") == true
        }.count
    }
}
