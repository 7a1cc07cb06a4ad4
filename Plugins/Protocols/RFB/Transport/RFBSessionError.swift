/// Why a relayed viewer session ended other than by the viewer closing it.
/// `description` says what happened, for logs and for the viewer.
public enum RFBSessionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The viewer's handshake failed (bad version, bad security choice, closed, timed out).
    case viewerHandshakeFailed(RFBHandshakeError)
    /// The viewer sent an invalid message (unknown type, absurd length).
    case viewerProtocolError(RFBFramingError)
    /// The viewer's stream failed.
    case viewerFailed(detail: String)
    /// No user input from the viewer for `seconds`.
    case idleTimeout(seconds: Int64)
    /// The BMC closed its VNC connection.
    case bmcClosed
    /// The connection to the BMC failed.
    case bmcFailed(detail: String)

    public var description: String {
        switch self {
        case .viewerHandshakeFailed(let error): "viewer handshake failed: \(error)"
        case .viewerProtocolError(let error): "\(error); session closed"
        case .viewerFailed(let detail): "viewer stream failed: \(detail)"
        case .idleTimeout(let seconds): "no input from the viewer for \(seconds) s; session closed"
        case .bmcClosed: "the BMC closed the VNC connection"
        case .bmcFailed(let detail): "the VNC connection to the BMC failed: \(detail)"
        }
    }
}
