import Foundation
import HummingbirdTLS

/// Loads the certificate and key named in the config when the server starts (not in `init`).
enum TLSFiles {
    static func configuration(certificate: URL, privateKey: URL) throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificate.path)
        } catch {
            throw GatewayConfigError(message: "certificateFile \(certificate.path) cannot be read as PEM: \(error)")
        }
        guard !chain.isEmpty else { throw GatewayConfigError(message: "certificateFile \(certificate.path) holds no certificate") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: privateKey.path, format: .pem)
        } catch {
            throw GatewayConfigError(message: "privateKeyFile \(privateKey.path) cannot be read as a PEM key: \(error)")
        }
        return TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }
}
