import Foundation

/// A self-signed certificate for 127.0.0.1, made with openssl at test time.
struct TestCertificate {
    let certificate: URL
    let key: URL

    static func make(in folder: URL) throws -> TestCertificate {
        let certificate = folder.appendingPathComponent("cert.pem")
        let key = folder.appendingPathComponent("key.pem")
        let status = try Tool.run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key.path, "-out", certificate.path, "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ])
        guard status == 0 else { throw PeerError("openssl could not make a certificate (exit \(status))") }
        return TestCertificate(certificate: certificate, key: key)
    }
}
