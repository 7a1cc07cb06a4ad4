import Kernel

/// The listener's table of which node may link with which token: one `node: token` per
/// line, `#` comments and blank lines ignored. Pure: parses text, reads no file.
enum TokenFile {
    /// - Throws: ``LinkConfigError`` naming the line that is not `node: token`, or a node
    ///   listed twice.
    static func parse(_ text: String, source: String) throws(LinkConfigError) -> [NodeID: String] {
        var tokens: [NodeID: String] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw LinkConfigError("\(source):\(index + 1): expected \"node: token\"")
            }
            let node = line[..<colon].trimmingCharacters(in: .whitespaces)
            let token = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard NodeName.isValid(node), !token.isEmpty else {
                throw LinkConfigError("\(source):\(index + 1): expected \"node: token\" with a node name of letters, digits, . _ -")
            }
            guard tokens[NodeID(node)] == nil else { throw LinkConfigError("\(source):\(index + 1): node \(node) is listed twice") }
            tokens[NodeID(node)] = token
        }
        return tokens
    }
}
