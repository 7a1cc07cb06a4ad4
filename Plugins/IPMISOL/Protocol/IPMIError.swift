/// Every failure the IPMI client reports. Each case names one cause a user can act on.
public enum IPMIError: Error, Sendable, Equatable {
    /// The BMC knows the user but the password does not match (RAKP 2 key exchange
    /// authentication code mismatch, or RAKP status 0x0F "invalid integrity check value").
    case wrongPassword(username: String)
    /// The BMC does not know the user name (RAKP status 0x0D "unauthorized name", or the
    /// user lookup failed).
    case unknownUser(username: String)
    /// The user's privilege does not allow the requested session privilege or command
    /// (completion code 0xD4, Set Session Privilege Level refused, RAKP status 0x09/0x0A).
    case insufficientPrivilege(detail: String)
    /// No cipher suite acceptable to the ``CipherSuitePolicy`` is offered by the BMC.
    case unsupportedCipherSuite(offered: [UInt8], acceptable: [UInt8])
    /// No answer (or only unusable answers) within the configured time.
    case bmcNotAnswering(step: String, seconds: Double)
    /// The BMC answered a command with a non-zero completion code.
    case completionCode(CompletionCode, command: String)
    /// Activate Payload for SOL returned 0x80: another session holds the console.
    case payloadAlreadyActive
    /// A datagram or message field could not be decoded.
    case malformedPacket(String)
    /// The BMC refused the session with a RAKP / Open Session status code not covered above.
    case sessionRejected(RAKPStatusCode, step: String)
    /// The BMC's RAKP 4 integrity check value did not verify (wrong BMC key Kg?).
    case integrityCheckFailed(String)
    /// The BMC does not support IPMI v2.0 RMCP+ on this channel.
    case rmcpPlusNotSupported
    /// The session or console was closed (by ``IPMIClient/close()``, the BMC, or a failure).
    case closed(reason: String)
    /// The client configuration is invalid.
    case invalidConfiguration(String)
}
