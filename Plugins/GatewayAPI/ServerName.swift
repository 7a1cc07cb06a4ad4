/// Checks a server name taken from a URL before it goes anywhere.
enum ServerName {
    static let maxLength = 128

    /// - Throws: ``GatewayError`` 400 for an empty, overlong or non-printable name.
    static func parse(_ text: String?) throws -> String {
        guard let text, !text.isEmpty, text.utf8.count <= maxLength,
            text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F })
        else {
            throw GatewayError.badRequest("the server name must be 1 to \(maxLength) printable characters without spaces")
        }
        return text
    }
}
