/// A VeNCrypt sub-type: how the TLS session is authenticated and what runs inside it.
public struct RFBVeNCryptSubtype: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// 256: plain user name and password without TLS.
    public static let plain = RFBVeNCryptSubtype(rawValue: 256)
    /// 257: anonymous TLS, then no authentication.
    public static let tlsNone = RFBVeNCryptSubtype(rawValue: 257)
    /// 258: anonymous TLS, then VNC Authentication.
    public static let tlsVNC = RFBVeNCryptSubtype(rawValue: 258)
    /// 259: anonymous TLS, then plain user name and password.
    public static let tlsPlain = RFBVeNCryptSubtype(rawValue: 259)
    /// 260: X.509 TLS, then no authentication.
    public static let x509None = RFBVeNCryptSubtype(rawValue: 260)
    /// 261: X.509 TLS, then VNC Authentication.
    public static let x509VNC = RFBVeNCryptSubtype(rawValue: 261)
    /// 262: X.509 TLS, then plain user name and password.
    public static let x509Plain = RFBVeNCryptSubtype(rawValue: 262)

    /// Whether the server authenticates with an X.509 certificate (otherwise anonymous TLS).
    public var usesX509: Bool { [.x509None, .x509VNC, .x509Plain].contains(self) }

    /// Whether VNC Authentication runs inside the TLS session.
    public var usesVNCAuthentication: Bool { self == .tlsVNC || self == .x509VNC }

    public var description: String {
        guard let name = Self.names[rawValue] else { return "\(rawValue)" }
        return "\(rawValue) (\(name))"
    }

    private static let names: [UInt32: String] = [
        256: "Plain", 257: "TLSNone", 258: "TLSVnc", 259: "TLSPlain", 260: "X509None",
        261: "X509Vnc", 262: "X509Plain", 263: "TLSSASL", 264: "X509SASL",
    ]
}
