import Foundation
import NIOSSL

/// How a connection trusts its BMC: a pinned certificate or CA file, the system's trust
/// store, or (lab only) nothing.
public enum TLSTrust: Sendable, Equatable {
    /// Only certificates that chain to the PEM file's certificates (the BMC's own
    /// self-signed certificate or its CA). The host name is still checked.
    case pinned(path: String)
    /// The system's CA store.
    case system
    /// No verification at all: `insecureSkipVerify: true`; logged loudly on every connect.
    case insecure

    /// The TLS configuration for requests to this BMC; reads the pinned file.
    func configuration(server: String) throws(RedfishError) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        switch self {
        case .pinned(let path):
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(path)
            } catch {
                let reason = FileManager.default.isReadableFile(atPath: path) ? "no PEM certificate in it (\(error))" : "cannot read the file"
                throw .certificateFile(server: server, path: path, detail: reason)
            }
            guard !certificates.isEmpty else { throw .certificateFile(server: server, path: path, detail: "no certificate in it") }
            tls.trustRoots = .certificates(certificates)
            tls.certificateVerification = .fullVerification
        case .system:
            tls.certificateVerification = .fullVerification
        case .insecure:
            tls.certificateVerification = .none
        }
        return tls
    }
}
