/// Where and how the audit log is exported as JSON lines (validated without I/O).
struct AuditLogSettings: Sendable {
    /// Absolute path; nil: no export.
    let file: String?
    let maxBytes: Int
    let keepFiles: Int
    let interval: Duration

    init(_ config: AuthPlugin.Config, resolvePath: (String) -> String) throws(AuthError) {
        file = config.auditLogFile.isEmpty ? nil : resolvePath(config.auditLogFile)
        guard (4_096...(1 << 40)).contains(config.auditLogMaxBytes) else {
            throw .badRequest("auditLogMaxBytes must be 4096...\(1 << 40), not \(config.auditLogMaxBytes)")
        }
        guard (1...100).contains(config.auditLogKeepFiles) else {
            throw .badRequest("auditLogKeepFiles must be 1...100, not \(config.auditLogKeepFiles)")
        }
        guard (50...60_000).contains(config.auditLogPollMilliseconds) else {
            throw .badRequest("auditLogPollMilliseconds must be 50...60000, not \(config.auditLogPollMilliseconds)")
        }
        maxBytes = config.auditLogMaxBytes
        keepFiles = config.auditLogKeepFiles
        interval = .milliseconds(config.auditLogPollMilliseconds)
    }
}
