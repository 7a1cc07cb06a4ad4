import Foundation
import Yams

/// Turns an entry's `with:` block into the plugin's `Config`.
///
/// Defaults come from `Config()`'s property initialisers: the user's keys are merged over
/// the encoded defaults (recursively for nested mappings) and the result is decoded.
/// Strictness comes from a round trip: every key the user wrote must appear when the decoded
/// value is encoded again, so an unknown key at any depth is refused with the allowed keys.
public enum ConfigDecoder {
    /// Decodes `yaml` (the `with:` block, or nil) at `path` (`plugins[2] (session).with`).
    public static func decode<C: PluginConfig>(
        _ type: C.Type, from yaml: String?, at path: String, secrets: SecretReference
    ) throws(ManifestError) -> C {
        guard let yaml else { return C() }
        let given: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else { return C() }
            given = try resolveSecrets(node, at: path, secrets: secrets)
        } catch let error as ManifestError {
            throw error
        } catch {
            throw ManifestError(path, "malformed YAML: \(ManifestParser.oneLine(error))")
        }
        let defaults = try encode(C(), at: path)
        let value: C
        do {
            value = try YAMLDecoder().decode(C.self, from: merge(given, over: defaults))
        } catch let error as DecodingError {
            throw describe(error, at: path, in: given)
        } catch {
            throw ManifestError(path, ManifestParser.oneLine(error))
        }
        let allowedTop = Mirror(reflecting: C()).children.compactMap(\.label).map { $0.hasPrefix("_") ? String($0.dropFirst()) : $0 }
        try refuseUnknown(given, known: try encode(value, at: path), allowed: allowedTop, at: path)
        return value
    }

    /// The encoded form of a configuration, as a YAML node.
    static func encode<C: Encodable>(_ value: C, at path: String) throws(ManifestError) -> Node {
        do {
            return try Yams.compose(yaml: YAMLEncoder().encode(value)) ?? Node.mapping([:])
        } catch {
            throw ManifestError(path, "the plugin's configuration cannot be encoded: \(error)")
        }
    }

    static func merge(_ given: Node, over defaults: Node) -> Node {
        guard case .mapping(let user) = given, case .mapping(var base) = defaults else { return given }
        for (key, value) in user {
            if let existing = base[key] {
                base[key] = merge(value, over: existing)
            } else {
                base[key] = value
            }
        }
        return .mapping(base)
    }

    static func refuseUnknown(_ given: Node, known: Node, allowed: [String]? = nil, at path: String) throws(ManifestError) {
        switch (given, known) {
        case (.mapping(let user), .mapping(let decoded)):
            let knownKeys = decoded.keys.compactMap { $0.scalar?.string }
            let allowedKeys = Array(Set(knownKeys + (allowed ?? []))).sorted()
            for (key, value) in user {
                let name = key.scalar?.string ?? key.shortDescription
                guard let counterpart = decoded[key] else {
                    if value.isNullScalar, allowedKeys.contains(name) { continue }
                    throw ManifestError("\(path).\(name)", "unknown key; allowed: \(allowedKeys.joined(separator: ", "))")
                }
                try refuseUnknown(value, known: counterpart, at: "\(path).\(name)")
            }
        case (.sequence(let user), .sequence(let decoded)):
            for (index, (value, counterpart)) in zip(user, decoded).enumerated() {
                try refuseUnknown(value, known: counterpart, at: "\(path)[\(index)]")
            }
        default:
            return
        }
    }

    static func resolveSecrets(_ node: Node, at path: String, secrets: SecretReference) throws(ManifestError) -> Node {
        switch node {
        case .scalar(var scalar):
            do {
                scalar.string = try secrets.resolve(scalar.string)
            } catch {
                throw ManifestError(path, error.reason)
            }
            return .scalar(scalar)
        case .mapping(var mapping):
            for (key, value) in mapping {
                mapping[key] = try resolveSecrets(value, at: "\(path).\(key.scalar?.string ?? "?")", secrets: secrets)
            }
            return .mapping(mapping)
        case .sequence(var sequence):
            for (index, value) in sequence.enumerated() {
                sequence[index] = try resolveSecrets(value, at: "\(path)[\(index)]", secrets: secrets)
            }
            return .sequence(sequence)
        case .alias:
            return node
        }
    }
}
