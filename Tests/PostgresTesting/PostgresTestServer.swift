import Foundation
import Logging
import KernelTesting
import Storage
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A throw-away PostgreSQL cluster for the test process: `initdb` into a temporary folder,
/// `pg_ctl start` on a free loopback port (as the `postgres` user when running as root), and
/// an immediate shutdown when the process exits. Each test gets its own database. Shared by
/// the storage tests and the end-to-end suite (a manager on PostgreSQL).
public actor PostgresTestServer {
    public static let shared = PostgresTestServer()

    /// Why the server cannot run here, or nil when the binaries exist.
    public static var unavailableReason: String? {
        binaries == nil ? "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin: install postgresql" : nil
    }

    struct Cluster: Sendable {
        let port: Int
        let folder: URL
    }

    private var cluster: Task<Cluster, any Error>?
    private var counter = 0

    /// A new empty database on the shared cluster.
    public func freshDatabase() async throws -> PostgresLocation {
        let cluster = try await start()
        counter += 1
        let name = "tether_\(getpid())_\(counter)"
        let admin = PostgresLocation(host: "127.0.0.1", port: cluster.port, username: "postgres", database: "postgres")
        let database = try await PostgresDatabase.open(admin, logger: Logger(label: "test.postgres"))
        // Identifiers cannot be bound; the name is built from digits above.
        try await database.query("CREATE DATABASE \(name)")
        await database.close()
        return PostgresLocation(host: "127.0.0.1", port: cluster.port, username: "postgres", database: name)
    }

    private func start() async throws -> Cluster {
        if let cluster { return try await cluster.value }
        let task = Task { try await Self.boot() }
        cluster = task
        return try await task.value
    }

    private static var binaries: URL? {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return versions.compactMap(Int.init).sorted().reversed().lazy
            .map { root.appendingPathComponent("\($0)/bin") }
            .first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("pg_ctl").path) }
    }

    private static func boot() async throws -> Cluster {
        guard let bin = binaries else { throw PostgresTestServerError(reason: unavailableReason ?? "") }
        removeStaleClusters()
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("tether-pgtest-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let asRoot = getuid() == 0
        if asRoot { try await run("/bin/chown", ["postgres:", folder.path], log: folder.appendingPathComponent("chown.log")) }
        let data = folder.appendingPathComponent("data").path
        try await run(bin.appendingPathComponent("initdb").path, ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"], asPostgres: asRoot,
            log: folder.appendingPathComponent("initdb.log"))
        let port = FreePort.find()
        try await run(bin.appendingPathComponent("pg_ctl").path, [
            "-D", data, "-l", folder.appendingPathComponent("server.log").path, "-w", "-t", "30",
            "-o", "-c listen_addresses=127.0.0.1 -p \(port) -k \(folder.path) -c fsync=off -c synchronous_commit=off", "start",
        ], asPostgres: asRoot, log: folder.appendingPathComponent("pg_ctl.log"))
        ShutdownAtExit.register(dataFolder: data)
        return Cluster(port: port, folder: folder)
    }

    /// Clusters of earlier test runs whose server has stopped (no postmaster.pid left, untouched
    /// for ten minutes, so a cluster another process is creating right now is left alone).
    private static func removeStaleClusters() {
        let temporary = URL(fileURLWithPath: NSTemporaryDirectory())
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        for name in names where name.hasPrefix("tether-pgtest-") {
            let folder = temporary.appendingPathComponent(name)
            guard !FileManager.default.fileExists(atPath: folder.appendingPathComponent("data/postmaster.pid").path),
                let modified = (try? FileManager.default.attributesOfItem(atPath: folder.path))?[.modificationDate] as? Date,
                modified.timeIntervalSinceNow < -600
            else { continue }
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Runs a command (as the `postgres` user when asked), its output in `log`.
    private static func run(_ executable: String, _ arguments: [String], asPostgres: Bool = false, log: URL) async throws {
        let status = try await ChildProcess.run(
            asPostgres ? "/usr/sbin/runuser" : executable, asPostgres ? ["-u", "postgres", "--", executable] + arguments : arguments, log: log.path,
            timeout: .seconds(120))
        guard status == 0 else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw PostgresTestServerError(reason: "\(executable) exited \(status): \(text.suffix(600))")
        }
    }
}

public struct PostgresTestServerError: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
