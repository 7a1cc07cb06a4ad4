import Kernel

/// Who may report inventory or deliver audit events as a gateway. Pure: decides from the
/// caller and what the store knows, no I/O.
///
/// - The caller's node (stamped by the link from its authenticated peer, or this node for a
///   local caller) must be the gateway named in the report: nobody reports for another.
/// - With a `gateways` list, only those nodes report.
/// - A node that a gateway reported as its agent does not report as a gateway, and a
///   gateway does not list another reporting gateway as its agent.
struct ReportAdmission: Sendable {
    let allowedGateways: Set<String>

    func refusal(
        gateway: NodeID, caller: NodeID, agents: [NodeID] = [], knownAgents: [String: String?] = [:], reportingGateways: Set<String> = []
    ) -> String? {
        guard caller == gateway else {
            return "a report for gateway \(gateway) came from node \(caller); a gateway reports only for itself"
        }
        if !allowedGateways.isEmpty, !allowedGateways.contains(gateway.rawValue) {
            return "node \(gateway) is not in the inventory's gateways list"
        }
        if case .some(.some(let owner)) = knownAgents[gateway.rawValue], owner != gateway.rawValue {
            return "node \(gateway) is an agent of gateway \(owner); agents do not report inventory"
        }
        if let claimed = agents.first(where: { $0 != gateway && reportingGateways.contains($0.rawValue) }) {
            return "gateway \(gateway) lists \(claimed), which reports as a gateway itself, as its agent"
        }
        return nil
    }
}
