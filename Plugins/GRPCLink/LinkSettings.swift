import Foundation
import Kernel

/// A `link` configuration checked and resolved: one mode, absolute file paths, durations.
/// Built in the plugin's `init` (reads only the small tokens file; opens no socket).
struct LinkSettings: Sendable {
    enum Mode: Sendable {
        case dial(HostPort)
        case listen(HostPort)
    }

    /// TLS material as absolute paths; nil everything with `insecure`.
    struct Security: Sendable {
        var insecure: Bool
        var certificate: String?
        var privateKey: String?
        var trustRoots: String?
    }

    let mode: Mode
    let security: Security
    let token: String
    /// The agent's identity file (dial only), absolute.
    let identityFile: String?
    let admission: LinkAdmission
    let keepalive: Duration
    let reconnectInitial: Duration
    let reconnectMaximum: Duration
    let openTimeout: Duration
    /// Offer (dialler) or accept (listener) LZ4 on byte streams.
    let compressStreams: Bool
    /// How long the hello / hello-ack exchange may take.
    let handshakeTimeout: Duration
    /// How often a listener checks its linked agents against the revocations `auth` knows.
    let revocationCheck: Duration

    init(_ config: GRPCLinkPlugin.Config, node: NodeID, resolvePath: (String) -> URL) throws(LinkConfigError) {
        switch (config.dial, config.listen) {
        case (let target?, nil):
            guard target.port > 0 else { throw LinkConfigError("dial needs a port above 0, got \(target)") }
            mode = .dial(target)
        case (nil, let address?):
            guard Self.isIPAddress(address.host) else {
                throw LinkConfigError("listen takes an IP address and port (127.0.0.1:7443, [::]:7443), got \(address)")
            }
            mode = .listen(address)
        case (nil, nil):
            throw LinkConfigError("set dial (connect out to a gateway) or listen (accept links); neither is set")
        case (_?, _?):
            throw LinkConfigError("set only one of dial and listen; a link either connects out or accepts")
        }

        func readable(_ key: String, _ path: String?) throws(LinkConfigError) -> String? {
            guard let path else { return nil }
            let absolute = resolvePath(path).path
            guard FileManager.default.isReadableFile(atPath: absolute) else {
                throw LinkConfigError("\(key): cannot read \(absolute)")
            }
            return absolute
        }
        if config.insecure {
            guard config.certificate == nil, config.privateKey == nil, config.trustRoots == nil else {
                throw LinkConfigError("insecure: true turns TLS off; remove certificate, privateKey and trustRoots, or set insecure: false")
            }
        } else if (config.certificate == nil) != (config.privateKey == nil) {
            throw LinkConfigError("certificate and privateKey go together; set both or neither")
        }
        security = Security(
            insecure: config.insecure,
            certificate: try readable("certificate", config.certificate),
            privateKey: try readable("privateKey", config.privateKey),
            trustRoots: try readable("trustRoots", config.trustRoots))

        switch mode {
        case .dial:
            let token = config.token ?? ""
            guard !token.isEmpty || config.identityFile != nil else {
                throw LinkConfigError("dial needs token (this node's link or enrolment token, written ${ENV_NAME} or file:/path) or an identityFile of an enrolled agent")
            }
            guard config.acceptedTokens.isEmpty, config.tokensFile == nil, !config.acceptEnrolmentTokens else {
                throw LinkConfigError("acceptedTokens, tokensFile and acceptEnrolmentTokens are for listen; a dialler presents token")
            }
            guard config.identityFile != nil || UnverifiedClaims.enrolmentTokenID(token) == nil else {
                throw LinkConfigError("token is an enrolment token, which is redeemed once for the agent's own credential: set identityFile (where the agent keeps its key and credential)")
            }
            self.token = token
            identityFile = config.identityFile.map { resolvePath($0).path }
            admission = LinkAdmission(ownNode: node, acceptedTokens: [], nodeTokens: [:])
        case .listen:
            guard config.insecure || config.certificate != nil else {
                throw LinkConfigError("listen needs certificate and privateKey (PEM paths), or insecure: true for plaintext on a trusted loopback")
            }
            guard config.token == nil, config.identityFile == nil else {
                throw LinkConfigError("token and identityFile are for dial; a listener checks acceptedTokens, tokensFile or enrolled agents")
            }
            guard !config.acceptedTokens.contains(where: \.isEmpty) else {
                throw LinkConfigError("acceptedTokens may not hold an empty token")
            }
            var nodeTokens: [NodeID: String] = [:]
            if let file = try readable("tokensFile", config.tokensFile) {
                let text: String
                do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                    throw LinkConfigError("tokensFile: cannot read \(file): \(error.localizedDescription)")
                }
                nodeTokens = try TokenFile.parse(text, source: file)
            }
            guard !config.acceptedTokens.isEmpty || !nodeTokens.isEmpty || config.acceptEnrolmentTokens else {
                throw LinkConfigError(
                    "listen needs acceptedTokens or a tokensFile with at least one node, or acceptEnrolmentTokens: true; otherwise no node could link")
            }
            token = ""
            identityFile = nil
            admission = LinkAdmission(
                ownNode: node, acceptedTokens: config.acceptedTokens, nodeTokens: nodeTokens, acceptsEnrolmentTokens: config.acceptEnrolmentTokens)
        }

        guard config.keepaliveSeconds >= 1, config.keepaliveSeconds.isFinite else {
            throw LinkConfigError("keepaliveSeconds must be at least 1, got \(config.keepaliveSeconds)")
        }
        guard config.reconnectInitialMilliseconds > 0 else {
            throw LinkConfigError("reconnectInitialMilliseconds must be above 0, got \(config.reconnectInitialMilliseconds)")
        }
        guard config.reconnectMaximumSeconds.isFinite, config.reconnectMaximumSeconds * 1000 >= Double(config.reconnectInitialMilliseconds) else {
            throw LinkConfigError("reconnectMaximumSeconds must be at least reconnectInitialMilliseconds")
        }
        guard config.streamOpenTimeoutSeconds > 0, config.streamOpenTimeoutSeconds.isFinite else {
            throw LinkConfigError("streamOpenTimeoutSeconds must be above 0, got \(config.streamOpenTimeoutSeconds)")
        }
        keepalive = .seconds(config.keepaliveSeconds)
        reconnectInitial = .milliseconds(config.reconnectInitialMilliseconds)
        reconnectMaximum = .seconds(config.reconnectMaximumSeconds)
        openTimeout = .seconds(config.streamOpenTimeoutSeconds)
        guard config.revocationCheckSeconds >= 0.1, config.revocationCheckSeconds.isFinite else {
            throw LinkConfigError("revocationCheckSeconds must be at least 0.1, got \(config.revocationCheckSeconds)")
        }
        compressStreams = config.compressStreams
        handshakeTimeout = .seconds(10)
        revocationCheck = .seconds(config.revocationCheckSeconds)
    }

    static func isIPAddress(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    static func isIPv6(_ host: String) -> Bool {
        var v6 = in6_addr()
        return inet_pton(AF_INET6, host, &v6) == 1
    }
}
