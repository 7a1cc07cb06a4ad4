import Foundation

/// The JSON-lines export file: appends lines, rotates by size (`FILE` -> `FILE.1` -> ... ->
/// `FILE.<keep>`, the oldest dropped) and finds where a previous run stopped.
final class AuditLogFile {
    let path: String
    let maxBytes: Int
    let keepFiles: Int
    private var handle: FileHandle
    private var size: Int

    init(path: String, maxBytes: Int, keepFiles: Int) throws {
        self.path = path
        self.maxBytes = maxBytes
        self.keepFiles = keepFiles
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        (handle, size) = try Self.openForAppend(path)
    }

    deinit { try? handle.close() }

    /// The ID of the last record exported by an earlier run (from this file, or the newest
    /// rotated one when this one is empty).
    func lastExportedID() -> Int64? {
        for candidate in [path, "\(path).1"] {
            if let id = Self.tail(of: candidate).flatMap({ AuditJSONLine.lastID(in: $0[...]) }) { return id }
        }
        return nil
    }

    /// Appends one line (a newline is added), rotating first when it would pass `maxBytes`.
    func append(_ line: String) throws {
        let bytes = Data((line + "\n").utf8)
        if size > 0, size + bytes.count > maxBytes { try rotate() }
        try handle.write(contentsOf: bytes)
        size += bytes.count
    }

    private func rotate() throws {
        try handle.close()
        let files = FileManager.default
        try? files.removeItem(atPath: "\(path).\(keepFiles)")
        for index in stride(from: keepFiles - 1, through: 1, by: -1) where files.fileExists(atPath: "\(path).\(index)") {
            try files.moveItem(atPath: "\(path).\(index)", toPath: "\(path).\(index + 1)")
        }
        try files.moveItem(atPath: path, toPath: "\(path).1")
        (handle, size) = try Self.openForAppend(path)
    }

    private static func openForAppend(_ path: String) throws -> (FileHandle, Int) {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw AuditLogError(message: "cannot create the audit log file \(path)")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw AuditLogError(message: "cannot open the audit log file \(path)") }
        let end = try handle.seekToEnd()
        return (handle, Int(end))
    }

    /// The last 64 KiB of a file as text.
    private static func tail(of path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let end = try? handle.seekToEnd(), end > 0 else { return nil }
        try? handle.seek(toOffset: end > 65_536 ? end - 65_536 : 0)
        return (try? handle.readToEnd()).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// The audit log file cannot be written.
struct AuditLogError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
