import Kernel

/// Everything the `redfish` plugin reports to a caller. Messages name the server, say what
/// failed and what to do; they never contain a password or a session token.
public enum RedfishError: Error, Sendable, Equatable, CodedError, CustomStringConvertible {
    /// A response body is not JSON, or not the JSON object a resource must be.
    case malformedJSON(source: String, detail: String)
    /// A response lacks something the operation needs.
    case unexpectedResponse(server: String, source: String, detail: String)
    /// The BMC answered with a 4xx or 5xx status.
    case bmcStatus(server: String, request: String, status: Int, bmcMessage: String)
    /// The BMC refused the username or password.
    case authenticationFailed(server: String, status: Int)
    /// The BMC does not allow this value (`AllowableValues`).
    case notAllowed(server: String, what: String, value: String, allowed: [String])
    /// The BMC does not offer this feature at all.
    case notSupported(server: String, what: String)
    /// No server of that name is configured in this instance.
    case unknownServer(name: String, known: [String])
    /// The configured `systemId` matches no system on the BMC, or several systems exist and none is configured.
    case systemNotFound(server: String, systemID: String?, available: [String])
    /// TCP, TLS or HTTP failed before a response arrived.
    case unreachable(server: String, detail: String)
    /// The certificate file for pinning cannot be used.
    case certificateFile(server: String, path: String, detail: String)
    /// No response within `requestTimeoutSeconds`.
    case timeout(server: String, request: String, seconds: Int)
    /// The BMC answered with a redirect, which is never followed with credentials attached.
    case redirected(server: String, request: String, status: Int, location: String)
    /// A response body is larger than the plugin accepts.
    case responseTooLarge(server: String, request: String, limit: Int)
    /// A power transition did not complete in time.
    case powerTransitionTimedOut(server: String, waitingFor: String, seconds: Int)
    /// The plugin instance is shutting down.
    case stopping

    public var code: String {
        switch self {
        case .malformedJSON, .unexpectedResponse: "bmc-bad-response"
        case .bmcStatus(_, _, let status, _): status == 404 ? "not-found" : "bmc-error"
        case .authenticationFailed: "bmc-auth-failed"
        case .notAllowed: "not-allowed"
        case .notSupported: "not-supported"
        case .unknownServer: "unknown-server"
        case .systemNotFound: "not-found"
        case .unreachable, .redirected, .responseTooLarge: "bmc-unreachable"
        case .certificateFile: "bmc-tls"
        case .timeout, .powerTransitionTimedOut: "bmc-timeout"
        case .stopping: "unavailable"
        }
    }

    public var message: String {
        switch self {
        case .malformedJSON(let source, let detail):
            "malformed JSON in \(source): \(detail); the BMC's Redfish service answered with something that is not a Redfish resource"
        case .unexpectedResponse(let server, let source, let detail):
            "\(server): unexpected response to \(source): \(detail)"
        case .bmcStatus(let server, let request, let status, let bmcMessage):
            "\(server): the BMC answered \(request) with HTTP \(status)\(bmcMessage.isEmpty ? "" : ": \(bmcMessage)")"
        case .authenticationFailed(let server, let status):
            "\(server): the BMC rejected the username or password (HTTP \(status)); check username and password of this server in the plugin configuration"
        case .notAllowed(let server, let what, let value, let allowed):
            "\(server): the BMC does not allow \(what) \(value); it allows \(allowed.isEmpty ? "none" : allowed.joined(separator: ", "))"
        case .notSupported(let server, let what):
            "\(server): the BMC does not offer \(what)"
        case .unknownServer(let name, let known):
            "no Redfish server named \(name) is configured here; known: \(known.isEmpty ? "none" : known.joined(separator: ", "))"
        case .systemNotFound(let server, let systemID, let available):
            if let systemID {
                "\(server): the BMC has no system \(systemID); it has \(available.isEmpty ? "none" : available.joined(separator: ", ")); fix systemId"
            } else {
                "\(server): the BMC has \(available.count) systems (\(available.joined(separator: ", "))); set systemId to one of them"
            }
        case .unreachable(let server, let detail):
            "\(server): cannot reach the BMC: \(detail)"
        case .certificateFile(let server, let path, let detail):
            "\(server): cannot use certificateFile \(path): \(detail); give a PEM file with the BMC's certificate or its CA"
        case .timeout(let server, let request, let seconds):
            "\(server): no answer to \(request) within \(seconds) s (requestTimeoutSeconds)"
        case .redirected(let server, let request, let status, let location):
            "\(server): the BMC redirected \(request) (HTTP \(status)) to \(location); redirects are not followed, configure the final URL"
        case .responseTooLarge(let server, let request, let limit):
            "\(server): the answer to \(request) is larger than \(limit) bytes"
        case .powerTransitionTimedOut(let server, let waitingFor, let seconds):
            "\(server): PowerState did not become \(waitingFor) within \(seconds) s (powerWaitSeconds)"
        case .stopping:
            "the redfish plugin is shutting down"
        }
    }

    public var description: String { "\(code): \(message)" }
}
