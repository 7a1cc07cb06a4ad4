import Foundation
import GRPCNIOTransportHTTP2

extension CLITrust {
    /// System CA bundles of Linux distributions: gRPC's TLS configuration takes one set of
    /// trust roots, so with a private CA the system's bundle file is added to it by path.
    static let systemBundles = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem"]

    /// The gRPC client's transport security: plaintext, or TLS trusting the system's roots
    /// plus `TETHER_CA_FILE` / `caFile` (checked as for HTTPS: an unreadable file is a usage error).
    static func grpcSecurity(
        tls: Bool, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> HTTP2ClientTransport.Posix.TransportSecurity {
        guard tls else { return .plaintext }
        _ = try tlsConfiguration(environment: environment)  // the same checks and messages as HTTPS
        guard let caFile = caFile(environment: environment) else { return .tls }
        let system = systemBundles.filter { FileManager.default.isReadableFile(atPath: $0) }.prefix(1)
        let sources: [TLSConfig.CertificateSource] = ([caFile] + system).map { .file(path: $0, format: .pem) }
        return .tls { $0.trustRoots = .certificates(sources) }
    }
}
