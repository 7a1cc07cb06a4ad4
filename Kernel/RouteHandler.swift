/// A handler with its message type erased: typed at the edges, erased in the middle, and a
/// mismatch throws.
public struct RouteHandler: Sendable {
    /// How the handler answers.
    public enum Kind: String, Sendable {
        case message, request, stream
    }

    public let kind: Kind
    /// The Swift type the handler expects, for `tether plugins` and error messages.
    public let typeName: String
    let answer: (@Sendable (Body, Caller) async throws -> (any Encodable & Sendable)?)?
    let accept: (@Sendable (Body, Duplex, Caller) async throws -> Void)?
}
