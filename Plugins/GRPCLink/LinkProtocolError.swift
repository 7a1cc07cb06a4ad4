/// Why a link connection was refused or ended: a readable reason for both sides' logs.
enum LinkProtocolError: Error, Sendable, CustomStringConvertible {
    /// A frame that cannot be read: a missing field, an unknown kind.
    case badFrame(String)
    /// The listener refused the dialler's hello.
    case refused(String)
    /// The handshake did not complete in time or in order.
    case handshake(String)

    var description: String {
        switch self {
        case .badFrame(let reason): "bad frame: \(reason)"
        case .refused(let reason): "refused: \(reason)"
        case .handshake(let reason): "handshake failed: \(reason)"
        }
    }
}
