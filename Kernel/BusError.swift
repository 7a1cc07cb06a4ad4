/// Every failure the bus reports. It is `Codable` so a remote failure crosses a link intact.
public enum BusError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Nobody serves the topic at that destination.
    case noRoute(topic: Topic, destination: Destination)
    /// Several local instances serve the topic; name one with `.exactly`.
    case ambiguous(topic: Topic, candidates: [Address])
    /// The message or the reply was not of the type the other side expected.
    case wrongType(topic: Topic, expected: String, got: String)
    /// No reply within the ask's timeout.
    case timeout(topic: Topic, afterMilliseconds: Int64)
    /// The node is not linked right now.
    case unreachable(node: NodeID)
    /// The handler on the other side threw; `code` is a stable machine-readable word.
    case remote(code: String, message: String)
    /// The other end of a byte stream has gone.
    case streamClosed

    public var description: String {
        switch self {
        case .noRoute(let topic, let destination):
            "no route for \(topic) to \(destination)"
        case .ambiguous(let topic, let candidates):
            "\(topic) is served by \(candidates.map(\.description).joined(separator: ", ")); address one exactly"
        case .wrongType(let topic, let expected, let got):
            "wrong type on \(topic): expected \(expected), got \(got)"
        case .timeout(let topic, let milliseconds):
            "no reply to \(topic) within \(milliseconds) ms"
        case .unreachable(let node):
            "node \(node) is unreachable (its link is down)"
        case .remote(let code, let message):
            "remote error \(code): \(message)"
        case .streamClosed:
            "the byte stream is closed"
        }
    }
}

/// An error a handler throws to give the caller a stable code and a readable message.
/// Any other error crosses the bus as `remote(code: "internal", ...)`.
public protocol CodedError: Error {
    /// A stable machine-readable word, such as `denied` or `not-found`.
    var code: String { get }
    /// What failed and what to do, for a human.
    var message: String { get }
}

extension BusError {
    /// Turns any error a handler threw into the form that crosses the bus.
    public static func wrapping(_ error: any Error) -> BusError {
        switch error {
        case let bus as BusError: bus
        case let coded as any CodedError: .remote(code: coded.code, message: coded.message)
        default: .remote(code: "internal", message: String(describing: error))
        }
    }
}
