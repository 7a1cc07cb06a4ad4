import Foundation

/// The agent's `identityFile`: read at every connection, written atomically (a new file
/// renamed over the old one) with mode 0600, since it holds the agent's private key.
struct AgentIdentityStore: Sendable {
    /// Reading or writing the file failed.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let path: String

    /// The stored identity; nil when there is no file yet.
    func load() throws(Failure) -> StoredAgentIdentity? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try JSONDecoder().decode(StoredAgentIdentity.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw Failure(description: "identityFile \(path) cannot be read: \(error)")
        }
    }

    func save(_ identity: StoredAgentIdentity) throws(Failure) {
        let temporary = path + ".tmp-\(getpid())"
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(identity)
            guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw Failure(description: "identityFile: cannot create \(temporary)")
            }
            guard rename(temporary, path) == 0 else {
                throw Failure(description: "identityFile: cannot replace \(path): \(String(cString: strerror(errno)))")
            }
        } catch let failure as Failure {
            try? FileManager.default.removeItem(atPath: temporary)
            throw failure
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw Failure(description: "identityFile \(path) cannot be written: \(error)")
        }
    }
}
