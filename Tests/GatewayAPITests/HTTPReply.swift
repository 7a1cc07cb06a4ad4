import Foundation

/// What the gateway answered to one HTTP request.
struct HTTPReply: Sendable {
    let status: Int
    let body: Data
    /// Lower-cased names.
    let headers: [String: String]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The `{"error", "message"}` body of a refusal.
    func error() throws -> WireError {
        try JSONDecoder().decode(WireError.self, from: body)
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: body)
    }
}

/// The JSON error body as a client reads it.
struct WireError: Decodable, Equatable {
    let error: String
    let message: String
}
