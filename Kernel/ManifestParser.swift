import Foundation
import Yams

/// Reads a manifest's YAML strictly: unknown keys at any level are refused with their path
/// and the allowed keys. Plugin settings are checked later, against each plugin's `Config`.
public enum ManifestParser {
    static let topKeys = ["role", "node", "supervision", "plugins"]
    static let entryKeys = ["use", "as", "with", "restart"]

    /// Parses manifest text. `source` names the file in errors.
    public static func parse(_ text: String) throws(ManifestError) -> Manifest {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw ManifestError("", "the manifest is empty") }
            root = node
        } catch let error as ManifestError {
            throw error
        } catch {
            throw ManifestError("", "malformed YAML: \(oneLine(error))")
        }
        guard let top = root.mapping else { throw ManifestError("", "the manifest must be a mapping with role and plugins") }
        try refuseUnknownKeys(top, allowed: topKeys, at: "")
        guard let role = top["role"]?.scalar?.string, !role.isEmpty else {
            throw ManifestError("role", "required: a label such as gateway, agent or all-in-one")
        }
        let node = try top["node"].map { value throws(ManifestError) in
            guard let name = value.scalar?.string, !name.isEmpty else { throw ManifestError("node", "expected a node name, got \(value.shortDescription)") }
            return NodeID(name)
        }
        let supervision = try parseSupervision(top["supervision"])
        guard let list = top["plugins"]?.sequence else { throw ManifestError("plugins", "required: a list of plugin entries") }
        var entries: [Manifest.Entry] = []
        var seen: [PluginID: Int] = [:]
        for (index, item) in list.enumerated() {
            let entry = try parseEntry(item, index: index)
            if let first = seen[entry.instance] {
                throw ManifestError("plugins[\(index)].as", "duplicate instance name \"\(entry.instance)\" (also plugins[\(first)]); give one of them another `as:`")
            }
            seen[entry.instance] = index
            entries.append(entry)
        }
        return Manifest(role: role, node: node, supervision: supervision, plugins: entries)
    }

    private static func parseEntry(_ item: Node, index: Int) throws(ManifestError) -> Manifest.Entry {
        let path = "plugins[\(index)]"
        guard let mapping = item.mapping else { throw ManifestError(path, "expected a mapping with use:, got \(item.shortDescription)") }
        try refuseUnknownKeys(mapping, allowed: entryKeys, at: path)
        guard let use = mapping["use"]?.scalar?.string, !use.isEmpty else { throw ManifestError("\(path).use", "required: a plugin ID") }
        var instance = PluginID(use)
        if let alias = mapping["as"] {
            guard let name = alias.scalar?.string, PluginID(name).isWellFormed else {
                throw ManifestError("\(path).as", "expected a kebab-case instance name, got \(alias.shortDescription)")
            }
            instance = PluginID(name)
        }
        var restart = RestartPolicy.permanent
        if let value = mapping["restart"] {
            guard let word = value.scalar?.string, let policy = RestartPolicy(rawValue: word) else {
                throw ManifestError("\(path).restart", "expected one of \(RestartPolicy.allCases.map(\.rawValue).joined(separator: ", ")), got \(value.shortDescription)")
            }
            restart = policy
        }
        var with: String?
        if let block = mapping["with"], !block.isNullScalar {
            guard block.mapping != nil else { throw ManifestError("\(path) (\(instance)).with", "expected a mapping of settings, got \(block.shortDescription)") }
            do { with = try Yams.serialize(node: block) } catch { throw ManifestError("\(path).with", "unreadable: \(oneLine(error))") }
        }
        return Manifest.Entry(index: index, use: PluginID(use), instance: instance, with: with, restart: restart)
    }

    private static func parseSupervision(_ node: Node?) throws(ManifestError) -> SupervisionPolicy {
        var policy = SupervisionPolicy()
        guard let node else { return policy }
        guard let mapping = node.mapping else { throw ManifestError("supervision", "expected a mapping, got \(node.shortDescription)") }
        try refuseUnknownKeys(mapping, allowed: SupervisionPolicy.keys, at: "supervision")
        func number(_ key: String) throws(ManifestError) -> Double? {
            guard let value = mapping[key] else { return nil }
            guard let number = value.scalar.flatMap({ Double($0.string) }), number > 0, number.isFinite else {
                throw ManifestError("supervision.\(key)", "expected a positive number, got \(value.shortDescription)")
            }
            return number
        }
        if let value = try number("intensity") { policy.intensity = Int(value) }
        if let value = try number("periodSeconds") { policy.periodSeconds = value }
        if let value = try number("backoffInitialMilliseconds") { policy.backoffInitialMilliseconds = Int(value) }
        if let value = try number("backoffMaximumSeconds") { policy.backoffMaximumSeconds = value }
        if let value = try number("shutdownTimeoutSeconds") { policy.shutdownTimeoutSeconds = value }
        return policy
    }

    static func refuseUnknownKeys(_ mapping: Node.Mapping, allowed: [String], at path: String) throws(ManifestError) {
        for key in mapping.keys {
            guard let name = key.scalar?.string else { throw ManifestError(path, "keys must be plain words, got \(key.shortDescription)") }
            if !allowed.contains(name) {
                let prefix = path.isEmpty ? name : "\(path).\(name)"
                throw ManifestError(prefix, "unknown key\(key.lineSuffix); allowed: \(allowed.joined(separator: ", "))")
            }
        }
    }

    static func oneLine(_ error: any Error) -> String {
        String(describing: error).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
