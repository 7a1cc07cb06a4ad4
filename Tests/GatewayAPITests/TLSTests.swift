import Foundation
import HummingbirdTLS
import KernelTesting
import Testing

/// With a certificate the gateway serves only TLS; consoles work over `wss://`.
@Suite struct TLSTests {
    @Test func consolesWorkOverTLS() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let settings = ["certificateFile: \"\(certificates.serverCertificate)\"", "privateKeyFile: \"\(certificates.serverKey)\""]
        try await TestGateway.run(settings, tls: true) { gateway in
            var client = TLSConfiguration.makeClientConfiguration()
            client.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(certificates.caCertificate))
            // The listener may need a moment after the node reports ready: bounded retries.
            let deadline = ContinuousClock.now + .seconds(5)
            var echoed = false
            while !echoed, ContinuousClock.now < deadline {
                echoed = (try? await ConsoleClient.run(gateway, tls: client) { session in
                    try await session.send("over tls")
                    try await session.read(until: "over tls")
                }) != nil
                if !echoed { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(echoed)
            // Plain HTTP to the TLS port gets no answer.
            let plain = try await RawConnection.run(port: gateway.port) { raw -> Bool in
                try await raw.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                try await raw.readToEnd()
                return String(decoding: raw.received, as: UTF8.self).contains("\"status\":\"ok\"")
            }
            #expect(!plain)
        }
    }
}
