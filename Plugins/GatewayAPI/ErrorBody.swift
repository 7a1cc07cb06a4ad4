/// The body of every error answer: `{"error": code, "message": text}`.
struct ErrorBody: Codable, Equatable, Sendable {
    let error: String
    let message: String
}
