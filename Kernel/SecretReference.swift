import Foundation

/// Secrets never sit inline in a committed manifest: a setting may name an environment
/// variable (`${BMC_PASSWORD}`, also inside a longer string) or a file (`file:/etc/tether/bmc.pass`,
/// relative paths against the manifest's folder; one trailing newline is dropped).
public struct SecretReference: Sendable {
    public var environment: [String: String]
    public var baseDirectory: URL

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, baseDirectory: URL) {
        self.environment = environment
        self.baseDirectory = baseDirectory
    }

    /// The value with every reference replaced.
    /// - Throws: a one-line reason naming the variable or file that is missing.
    public func resolve(_ value: String) throws(SecretReferenceError) -> String {
        if value.hasPrefix("file:") {
            let path = String(value.dropFirst(5))
            guard !path.isEmpty else { throw SecretReferenceError(reason: "file: needs a path") }
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path), var text = String(data: data, encoding: .utf8) else {
                throw SecretReferenceError(reason: "cannot read file \(url.path)")
            }
            if text.hasSuffix("\r\n") { text.removeLast(2) } else if text.hasSuffix("\n") { text.removeLast() }
            return text
        }
        guard value.contains("${") else { return value }
        var result = ""
        var rest = Substring(value)
        while let open = rest.range(of: "${") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                throw SecretReferenceError(reason: "unterminated ${ in \"\(value.prefix(40))\"")
            }
            let name = String(rest[open.upperBound..<close])
            guard !name.isEmpty else { throw SecretReferenceError(reason: "empty ${} reference") }
            guard let replacement = environment[name] else {
                throw SecretReferenceError(reason: "environment variable \(name) is not set")
            }
            result += replacement
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}

/// Why a `${ENV}` or `file:` reference could not be resolved.
public struct SecretReferenceError: Error, Sendable {
    public let reason: String
}
