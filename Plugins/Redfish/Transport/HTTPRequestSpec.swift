import Foundation

/// One HTTP request to a BMC, relative to its ``BMCAddress``.
struct HTTPRequestSpec: Sendable {
    var method: String
    var path: String
    var headers: [(String, String)] = []
    var body: Data?

    /// `GET /redfish/v1/Systems`, for messages (never includes headers or body).
    var summary: String { "\(method) \(path)" }
}
