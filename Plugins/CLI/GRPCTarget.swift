import Foundation

/// Where the CLI dials a gateway's gRPC API: the gateway URL's host, the advertised port,
/// TLS when advertised.
struct GRPCTarget: Equatable, Sendable {
    var host: String
    var port: Int
    var tls: Bool

    init(host: String, port: Int, tls: Bool) {
        self.host = host
        self.port = port
        self.tls = tls
    }

    /// Nil when the URL has no host or the port is not a TCP port.
    init?(gateway: URL, advertised: GatewayInfo.GRPC) {
        guard var host = gateway.host, !host.isEmpty, (1...65_535).contains(advertised.port) else { return nil }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.host = host
        self.port = advertised.port
        self.tls = advertised.tls
    }

    /// An IP address literal rather than a name (dialled without DNS).
    var isIPv4: Bool { host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." } }
    var isIPv6: Bool { host.contains(":") }

    /// `host:port`, with brackets for IPv6, for messages.
    var authority: String { isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
