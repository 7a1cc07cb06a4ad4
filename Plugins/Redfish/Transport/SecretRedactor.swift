import Foundation

/// Removes secrets from text that came from elsewhere (a BMC's error message, a library's
/// error description) before it reaches a log line or an error message.
struct SecretRedactor: Sendable {
    let secrets: [String]

    init(_ secrets: [String]) {
        self.secrets = secrets.filter { !$0.isEmpty }
    }

    func clean(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "<redacted>") }
    }
}
