import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The login kept between commands: `$XDG_STATE_HOME/tether/credentials.json` (default
/// `~/.local/state/tether`), written with mode 0600 in a 0700 folder.
struct CredentialStore {
    struct Credentials: Codable, Equatable {
        /// The login token (audience: the manager); exchanged for server-scoped session tokens.
        var token: String
        var refreshToken: String?
        /// The manager that issued it.
        var manager: String?
        /// The login token's expiry, seconds since 1970.
        var expiresAt: Int64?
        /// The login name and user ID (from the token), for `tether whoami`.
        var user: String?
        var subject: String?
        /// How the login was made: `password` or `oidc`.
        var method: String?
    }

    let file: URL

    init(environment: [String: String]) {
        let base = environment["XDG_STATE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".local/state")
        file = base.appendingPathComponent("tether/credentials.json")
    }

    func load() -> Credentials? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return try? JSONDecoder().decode(Credentials.self, from: data)
    }

    /// Writes a temporary file created 0600 (never readable by others, not even briefly),
    /// then renames it over the old one.
    func save(_ credentials: Credentials) throws {
        let folder = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
        let data = try JSONEncoder().encode(credentials)
        let temporary = file.path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw CLIError.failure("cannot write \(temporary): errno \(errno)") }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fchmod(fd, 0o600)
        close(fd)
        guard written == data.count, rename(temporary, file.path) == 0 else {
            unlink(temporary)
            throw CLIError.failure("cannot write \(file.path): errno \(errno)")
        }
    }

    func delete() throws {
        if FileManager.default.fileExists(atPath: file.path) { try FileManager.default.removeItem(at: file) }
    }
}
