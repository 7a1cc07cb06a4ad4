/// Why an RFB handshake (towards the BMC or towards the viewer) failed.
/// `description` is a complete sentence fragment suitable for logs and user-facing errors.
public enum RFBHandshakeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The peer's ProtocolVersion message is not `"RFB xxx.yyy\n"`.
    case malformedProtocolVersion([UInt8])
    /// The peer speaks a version this library cannot use.
    case unsupportedProtocolVersion(major: Int, minor: Int)
    /// The server refused the connection before authentication, with its reason.
    case connectionRefused(reason: String)
    /// None of the security types the server offered can be used.
    case noSupportedSecurityType(offered: [RFBSecurityType], usable: [RFBSecurityType])
    /// The server requires VNC Authentication but no password is configured.
    case passwordRequired
    /// The server rejected the credentials; `reason` is the server's text when it sent one.
    case authenticationFailed(reason: String)
    /// The server's VeNCrypt version is older than 0.2.
    case unsupportedVeNCryptVersion(major: UInt8, minor: UInt8)
    /// The server rejected a VeNCrypt step (`step` says which).
    case veNCryptRejected(step: String)
    /// None of the VeNCrypt sub-types the server offered can be used.
    case noSupportedVeNCryptSubtype(offered: [RFBVeNCryptSubtype])
    /// VeNCrypt was negotiated but the transport cannot run TLS.
    case tlsNotSupported(RFBVeNCryptSubtype)
    /// A length field is larger than this library accepts.
    case lengthLimitExceeded(field: String, length: UInt64, limit: Int)
    /// A message ended early (parsing a complete message that was given).
    case truncated(String)
    /// A message is structurally invalid.
    case malformed(String)
    /// The viewer chose a security type that was not offered to it.
    case unexpectedSecurityType(RFBSecurityType)
    /// The state machine was used out of order (a programming error in the caller).
    case invalidState(String)
    /// The connection closed before the handshake finished.
    case connectionClosed(during: String)
    /// The connection failed (for example reset by the peer) before the handshake finished.
    case connectionFailed(during: String, detail: String)
    /// The handshake did not finish in time.
    case timedOut(seconds: Int64)

    public var description: String {
        switch self {
        case .malformedProtocolVersion(let bytes):
            "invalid RFB ProtocolVersion message \(Self.quoted(bytes)); the peer is probably not a VNC server"
        case .unsupportedProtocolVersion(let major, let minor):
            "unsupported RFB protocol version \(major).\(minor); supported are 3.3, 3.7 and 3.8"
        case .connectionRefused(let reason):
            "server refused the connection: \(reason)"
        case .noSupportedSecurityType(let offered, let usable):
            "no supported security type: server offered \(Self.list(offered)), usable here are \(Self.list(usable))"
                + (offered.contains(.veNCrypt) && !usable.contains(.veNCrypt)
                    ? " (VeNCrypt/TLS is not supported by this transport)" : "")
        case .passwordRequired:
            "server requires VNC Authentication but no VNC password is configured"
        case .authenticationFailed(let reason):
            "authentication failed: \(reason)"
        case .unsupportedVeNCryptVersion(let major, let minor):
            "server's VeNCrypt version \(major).\(minor) is not supported; 0.2 is required"
        case .veNCryptRejected(let step):
            "server rejected the VeNCrypt \(step)"
        case .noSupportedVeNCryptSubtype(let offered):
            "no supported VeNCrypt sub-type: server offered \(offered.map(\.description))"
        case .tlsNotSupported(let subtype):
            "VeNCrypt sub-type \(subtype) needs TLS, which this transport does not support"
        case .lengthLimitExceeded(let field, let length, let limit):
            "\(field) \(length) exceeds the limit of \(limit) bytes"
        case .truncated(let what):
            "truncated \(what)"
        case .malformed(let what):
            "malformed message: \(what)"
        case .unexpectedSecurityType(let type):
            "viewer chose security type \(type), which was not offered"
        case .invalidState(let what):
            "RFB handshake used out of order: \(what)"
        case .connectionClosed(let step):
            "connection closed while \(step)"
        case .connectionFailed(let step, let detail):
            "connection failed while \(step): \(detail)"
        case .timedOut(let seconds):
            "RFB handshake did not finish within \(seconds) s"
        }
    }

    private static func list(_ types: [RFBSecurityType]) -> String {
        "[" + types.map(\.description).joined(separator: ", ") + "]"
    }

    private static func quoted(_ bytes: [UInt8]) -> String {
        let printable = bytes.prefix(32).map { byte -> String in
            guard (0x20..<0x7F).contains(byte) else {
                let hex = String(byte, radix: 16)
                return "\\x" + (hex.count == 1 ? "0" : "") + hex
            }
            return String(UnicodeScalar(byte))
        }
        return "\"" + printable.joined() + "\""
    }
}
