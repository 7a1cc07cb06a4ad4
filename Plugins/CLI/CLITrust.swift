import Foundation
import NIOSSL

/// The certificate authorities the CLI trusts for HTTPS, WSS and gRPC over TLS: the system's,
/// plus a private CA (PEM) from `TETHER_CA_FILE` or `caFile` in the CLI's config file, for
/// installations whose manager and gateways carry certificates of their own CA.
enum CLITrust {
    /// The PEM file of the extra CA, if one is configured (the environment wins).
    static func caFile(environment: [String: String]) -> String? {
        if let path = environment["TETHER_CA_FILE"], !path.isEmpty { return path }
        return CLIConfigFile.load(environment: environment).caFile
    }

    /// A TLS client configuration trusting the system's roots and the configured CA; throws a
    /// usage error naming the file when it cannot be read or holds no certificate.
    static func tlsConfiguration(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        guard let path = caFile(environment: environment) else { return configuration }
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw CLIError.usage("cannot read the CA file \(path) (TETHER_CA_FILE or caFile in \(CLIConfigFile.path(environment: environment).path)): \(error)")
        }
        guard !certificates.isEmpty else {
            throw CLIError.usage("the CA file \(path) holds no PEM certificate")
        }
        configuration.additionalTrustRoots = [.certificates(certificates)]
        return configuration
    }
}
