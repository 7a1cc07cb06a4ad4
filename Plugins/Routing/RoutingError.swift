import Kernel

/// Why a server could not be routed. Stable codes for clients.
public enum RoutingError: CodedError, Equatable {
    case unknownServer(String)
    case agentOffline(server: String, node: NodeID)
    case unsupported(server: String, topic: Topic)
    case auditRecordNotLocal(NodeID)

    public var code: String {
        switch self {
        case .unknownServer: "not-found"
        case .agentOffline: "agent-offline"
        case .unsupported: "unsupported"
        case .auditRecordNotLocal: "denied"
        }
    }

    public var message: String {
        switch self {
        case .unknownServer(let server):
            "no agent has registered server \(server); check the name with `tether server list`"
        case .agentOffline(let server, let node):
            "the agent of \(server) (\(node)) is offline; it reconnects by itself, retry shortly"
        case .unsupported(let server, let topic):
            "\(server) does not support \(topic) (no plugin managing it serves that)"
        case .auditRecordNotLocal(let node):
            "audit.record is accepted only from this node's own plugins, not from \(node)"
        }
    }
}
