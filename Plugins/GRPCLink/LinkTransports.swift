import GRPCCore
import GRPCNIOTransportHTTP2
import Kernel

/// The gRPC transports a link runs on, built from its settings.
enum LinkTransports {
    /// The HTTP/2 flow-control window, per stream and per connection, both sides.
    static let windowSize = 1024 * 1024

    /// The dialler's client transport: TLS (verifying the listener against `trustRoots` or
    /// the system roots) unless `insecure`, with HTTP/2 keepalive.
    static func client(_ target: HostPort, _ settings: LinkSettings) throws -> HTTP2ClientTransport.Posix {
        let resolvable: any ResolvableTarget =
            if LinkSettings.isIPv6(target.host) {
                .ipv6(address: target.host, port: target.port)
            } else if LinkSettings.isIPAddress(target.host) {
                .ipv4(address: target.host, port: target.port)
            } else {
                .dns(host: target.host, port: target.port)
            }
        let security = settings.security
        let transportSecurity: HTTP2ClientTransport.Posix.TransportSecurity =
            if security.insecure {
                .plaintext
            } else {
                .tls { tls in
                    if let roots = security.trustRoots {
                        tls.trustRoots = .certificates([.file(path: roots, format: .pem)])
                    }
                    if let certificate = security.certificate, let key = security.privateKey {
                        tls.certificateChain = [.file(path: certificate, format: .pem)]
                        tls.privateKey = .file(path: key, format: .pem)
                    }
                }
            }
        let config = HTTP2ClientTransport.Posix.Config.defaults { config in
            config.http2.targetWindowSize = LinkTransports.windowSize
            config.connection.keepalive = .init(
                time: settings.keepalive / 2, timeout: settings.keepalive / 2, allowWithoutCalls: true)
            config.connection.maxIdleTime = nil
            config.connection.flushCoalescing = nil
            config.channelDebuggingCallbacks.onCreateTCPConnection = LinkChannelSetup.configure
        }
        return try HTTP2ClientTransport.Posix(target: resolvable, transportSecurity: transportSecurity, config: config)
    }

    /// The listener's server transport: TLS with its certificate unless `insecure`; with
    /// `trustRoots` it requires client certificates signed by them.
    static func server(_ address: HostPort, _ settings: LinkSettings) -> HTTP2ServerTransport.Posix {
        let socket: GRPCNIOTransportCore.SocketAddress =
            LinkSettings.isIPv6(address.host) ? .ipv6(host: address.host, port: address.port) : .ipv4(host: address.host, port: address.port)
        let security = settings.security
        let transportSecurity: HTTP2ServerTransport.Posix.TransportSecurity =
            if security.insecure || security.certificate == nil || security.privateKey == nil {
                .plaintext
            } else {
                .tls(
                    certificateChain: [.file(path: security.certificate ?? "", format: .pem)],
                    privateKey: .file(path: security.privateKey ?? "", format: .pem)
                ) { tls in
                    if let roots = security.trustRoots {
                        tls.trustRoots = .certificates([.file(path: roots, format: .pem)])
                        tls.clientCertificateVerification = .noHostnameVerification
                    }
                }
            }
        let config = HTTP2ServerTransport.Posix.Config.defaults { config in
            // The server default (64 KiB) costs a window update per 64 KiB chunk; this matches
            // the per-stream buffering a dialler allows, and caps what one stalled stream holds.
            config.http2.targetWindowSize = LinkTransports.windowSize
            config.connection.keepalive = .init(
                time: settings.keepalive / 2, timeout: settings.keepalive / 2,
                clientBehavior: .init(minPingIntervalWithoutCalls: .seconds(1), allowWithoutCalls: true))
            config.connection.flushCoalescing = nil
            config.channelDebuggingCallbacks.onAcceptTCPConnection = LinkChannelSetup.configure
        }
        return HTTP2ServerTransport.Posix(address: socket, transportSecurity: transportSecurity, config: config)
    }
}
