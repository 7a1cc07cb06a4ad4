import Foundation
import Storage
import Testing

@testable import Auth

/// The JSON-lines audit export: one line per record, rotation by size, resuming after the last line.
@Suite struct AuditLogExportTests {
    func event(_ id: Int64, detail: String = "d") -> AuditEvent {
        AuditEvent(
            id: id, at: Date(timeIntervalSince1970: 1_700_000_000.123), actor: "ann", action: "power.set", outcome: .ok, tenantID: "acme",
            serverID: "lab-01", source: "10.0.0.1", detail: detail)
    }

    @Test func aRecordIsOneStableLineOfJSON() throws {
        let line = try AuditJSONLine(event(42, detail: "line\nbreak \"quoted\"")).encoded()
        #expect(!line.contains("\n"))
        #expect(line == #"{"action":"power.set","actor":"ann","at":"2023-11-14T22:13:20.123Z","detail":"line\nbreak \"quoted\"","id":42,"outcome":"ok","server":"lab-01","source":"10.0.0.1","tenant":"acme"}"#)
        #expect(AuditJSONLine.lastID(in: (line + "\n" + "{\"partial")[...]) == 42)
    }

    @Test func rotatesBySizeAndResumesAfterTheLastLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tether-audit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("audit.jsonl").path
        let file = try AuditLogFile(path: path, maxBytes: 600, keepFiles: 2)
        for id in 1...10 { try file.append(try AuditJSONLine(event(Int64(id))).encoded()) }
        let current = try String(contentsOfFile: path, encoding: .utf8)
        #expect(current.utf8.count <= 600)
        #expect(FileManager.default.fileExists(atPath: path + ".1"))
        #expect(FileManager.default.fileExists(atPath: path + ".2"))
        #expect(!FileManager.default.fileExists(atPath: path + ".3"))
        #expect(current.hasSuffix("\"tenant\":\"acme\"}\n"))
        #expect(try AuditLogFile(path: path, maxBytes: 600, keepFiles: 2).lastExportedID() == 10)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
