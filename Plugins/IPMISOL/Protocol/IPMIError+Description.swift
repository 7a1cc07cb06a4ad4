extension IPMIError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .wrongPassword(let username):
            return "authentication failed for user \"\(username)\": wrong password"
                + " (the BMC's RAKP key exchange code did not match); check the password"
        case .unknownUser(let username):
            return "the BMC does not know user \"\(username)\"; check the user name"
        case .insufficientPrivilege(let detail):
            return "insufficient privilege: \(detail); use an account with a higher privilege level"
        case .unsupportedCipherSuite(let offered, let acceptable):
            return "no acceptable cipher suite: the BMC offers \(offered.map(String.init)),"
                + " the policy accepts \(acceptable.map(String.init)); change the cipher suite policy"
        case .bmcNotAnswering(let step, let seconds):
            return "the BMC did not answer \(step) within \(seconds) s;"
                + " check host, port and that IPMI over LAN is enabled"
        case .completionCode(let code, let command):
            return "\(command) failed: completion code \(code)"
        case .payloadAlreadyActive:
            return "the SOL payload is already active in another session;"
                + " open the console with force to take it over"
        case .malformedPacket(let reason):
            return "malformed packet from the BMC: \(reason)"
        case .sessionRejected(let status, let step):
            return "the BMC rejected \(step): \(status)"
        case .integrityCheckFailed(let reason):
            return "session integrity check failed: \(reason)"
        case .rmcpPlusNotSupported:
            return "the BMC does not offer IPMI v2.0 RMCP+ on this channel"
        case .closed(let reason):
            return "closed: \(reason)"
        case .invalidConfiguration(let reason):
            return "invalid IPMI configuration: \(reason)"
        }
    }
}
