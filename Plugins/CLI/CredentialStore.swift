import Foundation

/// The login kept between commands: `$XDG_STATE_HOME/tether/credentials.json` (default
/// `~/.local/state/tether`), written with mode 0600 in a 0700 folder.
struct CredentialStore {
    struct Credentials: Codable {
        var token: String
        var refreshToken: String?
        var manager: String?
        var expiresAt: Int64?
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

    func save(_ credentials: Credentials) throws {
        let folder = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let data = try JSONEncoder().encode(credentials)
        guard FileManager.default.createFile(atPath: file.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CLIError.failure("cannot write \(file.path)")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    }

    func delete() throws {
        if FileManager.default.fileExists(atPath: file.path) { try FileManager.default.removeItem(at: file) }
    }
}
