/// Rules for the identifiers and names the store accepts, checked before any statement runs.
enum StoreValidation {
    static let maximumLength = 200

    /// An ID or name: 1...200 characters, no control characters.
    static func name(_ value: String, _ what: String) throws(StoreError) {
        guard !value.isEmpty else { throw .invalid("\(what) is empty") }
        guard value.count <= maximumLength else { throw .invalid("\(what) is longer than \(maximumLength) characters") }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalid("\(what) contains a control character")
        }
    }

    /// A capability word: letters, digits and `-`, so the comma-separated column stays unambiguous.
    static func capability(_ value: String) throws(StoreError) {
        guard !value.isEmpty, value.count <= 64,
            value.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" })
        else { throw .invalid("capability \"\(value.prefix(64))\" must be letters, digits and -") }
    }
}
