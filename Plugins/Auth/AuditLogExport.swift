import Foundation
import Logging
import Storage

/// Follows the audit table and appends every record, in ID order, to the JSON-lines file
/// (records written by any plugin or replica: it reads the table, not the writers). A restart
/// continues after the last line already in the file.
struct AuditLogExport: Sendable {
    let settings: AuditLogSettings
    let store: any ManagerStore
    let logger: Logger

    /// Runs until cancelled; file or store failures are logged and retried.
    func run() async throws {
        guard let path = settings.file else { return }
        var file: AuditLogFile?
        var last: Int64 = 0
        while !Task.isCancelled {
            do {
                if file == nil {
                    let opened = try AuditLogFile(path: path, maxBytes: settings.maxBytes, keepFiles: settings.keepFiles)
                    last = opened.lastExportedID() ?? 0
                    file = opened
                    logger.info("audit log export", metadata: ["audit.file": "\(path)", "audit.after": "\(last)"])
                }
                guard let file else { continue }
                let batch = try await store.audit(after: last, limit: 500)
                for event in batch {
                    try file.append(try AuditJSONLine(event).encoded())
                    last = event.id ?? last
                }
                if batch.count == 500 { continue }
            } catch is CancellationError {
                return
            } catch {
                logger.error("audit log export failed; retrying", metadata: ["audit.file": "\(path)", "error": "\(error)"])
                file = nil
            }
            try await Task.sleep(for: settings.interval)
        }
    }
}
