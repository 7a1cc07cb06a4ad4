import Foundation
import Kernel
import KernelTesting

/// Role manifests for link tests, on loopback.
enum LinkManifests {
    static let token = "test-token-\(UUID().uuidString)"

    /// A listening node with TLS (or plaintext when `certificates` is nil).
    static func listener(
        port: Int, certificates: TestCertificates?, accepted: [String] = [token], tokensFile: String? = nil,
        extraPlugins: [String] = ["echo"], keepaliveSeconds: Double = 15, requireClientCertificates: Bool = false,
        acceptEnrolmentTokens: Bool = false
    ) -> String {
        var with = ["listen: \"127.0.0.1:\(port)\"", "keepaliveSeconds: \(keepaliveSeconds)"]
        if acceptEnrolmentTokens { with += ["acceptEnrolmentTokens: true", "revocationCheckSeconds: 0.2"] }
        if let certificates {
            with += ["certificate: \"\(certificates.serverCertificate)\"", "privateKey: \"\(certificates.serverKey)\""]
            if requireClientCertificates { with.append("trustRoots: \"\(certificates.caCertificate)\"") }
        } else {
            with.append("insecure: true")
        }
        if !accepted.isEmpty { with.append("acceptedTokens: [\(accepted.map { "\"\($0)\"" }.joined(separator: ", "))]") }
        if let tokensFile { with.append("tokensFile: \"\(tokensFile)\"") }
        return manifest(role: "gateway", with: with, extraPlugins: extraPlugins)
    }

    /// A dialling node trusting the test CA (or plaintext when `certificates` is nil).
    static func dialler(
        port: Int, certificates: TestCertificates?, token: String = token, trustRoots: String? = nil,
        extraPlugins: [String] = ["echo"], reconnectMaximumSeconds: Double = 10, keepaliveSeconds: Double = 15,
        presentClientCertificate: Bool = false, identityFile: String? = nil
    ) -> String {
        var with = [
            "dial: \"127.0.0.1:\(port)\"", "token: \"\(token)\"", "reconnectMaximumSeconds: \(reconnectMaximumSeconds)",
            "keepaliveSeconds: \(keepaliveSeconds)",
        ]
        if let identityFile { with.append("identityFile: \"\(identityFile)\"") }
        if let certificates {
            with.append("trustRoots: \"\(trustRoots ?? certificates.caCertificate)\"")
            if presentClientCertificate {
                with += ["certificate: \"\(certificates.clientCertificate)\"", "privateKey: \"\(certificates.clientKey)\""]
            }
        } else {
            with.append("insecure: true")
        }
        return manifest(role: "agent", with: with, extraPlugins: extraPlugins)
    }

    private static func manifest(role: String, with: [String], extraPlugins: [String]) -> String {
        var text = "role: \(role)\nplugins:\n  - use: link\n    with:\n"
        for line in with { text += "      \(line)\n" }
        for plugin in extraPlugins { text += "  - use: \(plugin)\n" }
        return text
    }
}

/// Waits until `bus` has a link to `node`. The kernel announces links only in its log, so
/// this checks the route table, every 10 ms, for at most `timeout`.
func waitUntilLinked(_ bus: Bus, to node: NodeID, timeout: Duration = .seconds(10)) async throws {
    let deadline = ContinuousClock.now + timeout
    while bus.linkedNodes[node] == nil {
        guard ContinuousClock.now < deadline else { throw LinkWaitError(message: "\(bus.node) did not link to \(node) within \(timeout)") }
        try await Task.sleep(for: .milliseconds(10))
    }
}

struct LinkWaitError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
