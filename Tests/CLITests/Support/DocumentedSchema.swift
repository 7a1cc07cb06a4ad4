import Foundation

/// The `-o json` schema table of `Plugins/CLI/README.md` (`| \`command\` | \`key\` | type |`),
/// and a check of a JSON document against it: every documented key present with its type,
/// no undocumented key.
struct DocumentedSchema {
    /// key path (`servers[].id`) to type (`string`, `string?`, `number`, `bool`, `array`, `object`).
    let keys: [String: String]

    static func readme() throws -> String {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<5 {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent("Plugins/CLI/README.md")
            if FileManager.default.fileExists(atPath: candidate.path) { return try String(contentsOf: candidate, encoding: .utf8) }
        }
        throw CLITestError("Plugins/CLI/README.md not found")
    }

    init(command: String) throws {
        var keys: [String: String] = [:]
        for line in try Self.readme().split(separator: "\n") where line.hasPrefix("| `\(command)` |") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 3 else { continue }
            keys[cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[2]
        }
        guard !keys.isEmpty else { throw CLITestError("no JSON schema rows for `\(command)` in Plugins/CLI/README.md") }
        self.keys = keys
    }

    /// What is wrong with `json` (empty: it matches).
    func problems(_ json: String) -> [String] {
        guard let root = try? JSONDecoder().decode(JSONShape.self, from: Data(json.utf8)) else { return ["not JSON: \(json.prefix(200))"] }
        var seen: [String: Set<String>] = [:]
        Self.flatten(root, path: "", into: &seen)
        var problems: [String] = []
        for (key, types) in seen where keys[key] == nil {
            problems.append("undocumented key \(key) (\(types.sorted().joined(separator: "/")))")
        }
        for (key, type) in keys {
            // Keys inside an empty array cannot be seen.
            if let element = key.range(of: "[].") {
                let arrayElement = String(key[..<element.lowerBound]) + "[]."
                if !seen.keys.contains(where: { $0.hasPrefix(arrayElement) }) { continue }
            }
            guard let types = seen[key] else {
                problems.append("missing key \(key)")
                continue
            }
            let allowed: Set<String> = type.hasSuffix("?") ? [String(type.dropLast()), "null"] : [type]
            if !types.isSubset(of: allowed) { problems.append("\(key) is \(types.sorted()) but documented \(type)") }
        }
        return problems.sorted()
    }

    private static func flatten(_ value: JSONShape, path: String, into seen: inout [String: Set<String>]) {
        if !path.isEmpty, !path.hasSuffix("[]") { seen[path, default: []].insert(value.typeName) }
        switch value {
        case .object(let object):
            for (key, child) in object { flatten(child, path: path.isEmpty ? key : "\(path).\(key)", into: &seen) }
        case .array(let array):
            for case .object(let element) in array { flatten(.object(element), path: path + "[]", into: &seen) }
        default:
            break
        }
    }
}
