import ArgumentParser

/// A failure the CLI reports as one line on standard error, with its exit code.
enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    case authentication(String)
    case deniedOrNotFound(String)
    case unreachable(String)
    case failure(String)

    var description: String {
        switch self {
        case .usage(let text), .authentication(let text), .deniedOrNotFound(let text), .unreachable(let text), .failure(let text): text
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .usage: ExitStatus.usage
        case .authentication: ExitStatus.authentication
        case .deniedOrNotFound: ExitStatus.deniedOrNotFound
        case .unreachable: ExitStatus.unreachable
        case .failure: ExitStatus.failure
        }
    }

    /// Maps a gateway JSON error (`{"error": code, "message": text}`) and HTTP status.
    static func fromGateway(status: Int, code: String?, message: String?) -> CLIError {
        let text = message ?? "the gateway answered \(status)"
        switch (status, code) {
        case (401, _): return .authentication("\(text) (run `tether login`)")
        case (403, _), (404, _): return .deniedOrNotFound(text)
        case (503, _), (504, _), (_, "agent-offline"), (_, "unreachable"): return .unreachable(text)
        case (400, _), (413, _): return .usage(text)
        default: return .failure(text)
        }
    }
}
