import ArgumentParser

/// A failure the CLI reports as one line on standard error, with its exit code.
enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    case authentication(String)
    /// No such server (or one the caller may not see): exit 4.
    case deniedOrNotFound(String)
    /// The caller's role does not allow the action: exit 6.
    case denied(String)
    case unreachable(String)
    case failure(String)

    var description: String {
        switch self {
        case .usage(let text), .authentication(let text), .deniedOrNotFound(let text), .denied(let text), .unreachable(let text),
            .failure(let text):
            Self.oneLine(text)
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .usage: ExitStatus.usage
        case .authentication: ExitStatus.authentication
        case .deniedOrNotFound: ExitStatus.deniedOrNotFound
        case .denied: ExitStatus.denied
        case .unreachable: ExitStatus.unreachable
        case .failure: ExitStatus.failure
        }
    }

    /// Maps a gateway JSON error (`{"error": code, "message": text}`) and HTTP status.
    static func fromGateway(status: Int, code: String?, message: String?) -> CLIError {
        let text = message ?? "the gateway answered \(status)"
        switch (status, code) {
        case (401, _): return .authentication("\(text) (run `tether login`, or pass a fresh --token)")
        case (403, _): return .denied("\(text) (ask an admin of the server's tenant for a role that allows it)")
        case (404, _): return .deniedOrNotFound(text.contains("tether server list") ? text : "\(text) (check the ID with `tether server list`)")
        case (503, _), (504, _), (_, "agent-offline"), (_, "unreachable"):
            return .unreachable("\(text) (try again once the server's agent is connected)")
        case (400, _), (413, _): return .usage(text)
        default: return .failure(text)
        }
    }

    /// Maps a manager JSON error (`{"error": {"code", "message"}}`) and HTTP status.
    static func fromManager(status: Int, code: String?, message: String?) -> CLIError {
        let text = message ?? "the manager answered \(status)"
        switch status {
        case 401: return .authentication("\(text) (run `tether login`)")
        case 403: return .denied("\(text) (ask an admin of the server's tenant for a role that allows it)")
        case 404: return .deniedOrNotFound("\(text) (check the ID with `tether server list`)")
        case 429: return .failure("\(text) (wait, then try again)")
        case 502, 503, 504: return .unreachable("\(text) (try again later)")
        case 400, 413, 415: return .usage(text)
        default: return .failure(text)
        }
    }

    /// Keeps a message on one line (a peer's text may hold line breaks).
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
