import GRPCCore

extension ServerContext {
    /// The client's IP address as REST reports it (`127.0.0.1`, `::1`), from gRPC's peer
    /// description (`ipv4:127.0.0.1:5000`, `ipv6:[::1]:5000`); `unknown` otherwise.
    var sourceAddress: String { Self.ipAddress(ofPeer: remotePeer) }

    static func ipAddress(ofPeer peer: String) -> String {
        if peer.hasPrefix("ipv4:") {
            let hostAndPort = peer.dropFirst(5)
            guard let colon = hostAndPort.lastIndex(of: ":") else { return "unknown" }
            return String(hostAndPort[..<colon])
        }
        if peer.hasPrefix("ipv6:["), let close = peer.firstIndex(of: "]") {
            return String(peer[peer.index(peer.startIndex, offsetBy: 6)..<close])
        }
        return "unknown"
    }
}
