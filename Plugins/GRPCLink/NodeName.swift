/// What a node name on a link may look like: 1 to 128 letters, digits, `.`, `_` or `-`, so a
/// name can never smuggle an `@`, a path or a control character into logs and addresses.
enum NodeName {
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 128
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
    }
}
