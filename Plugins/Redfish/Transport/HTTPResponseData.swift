import Foundation

/// What came back.
struct HTTPResponseData: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: Data

    /// The first header of that name (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    var isSuccess: Bool { (200..<300).contains(status) }
}
