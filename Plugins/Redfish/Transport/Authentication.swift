/// How requests to a BMC are authenticated after login. Printing it never shows a token.
enum Authentication: Sendable, Equatable, CustomStringConvertible {
    /// HTTP Basic on every request (no SessionService, as on sushy-tools).
    case basic
    /// A Redfish session: `X-Auth-Token`, deleted on close at `location` (its path on the BMC).
    case session(token: String, location: String?)

    var description: String {
        switch self {
        case .basic: "basic"
        case .session(_, let location): "session \(location ?? "(location unknown)")"
        }
    }

    /// The request header that carries it.
    func header(_ credentials: Credentials) -> (String, String) {
        switch self {
        case .basic: ("Authorization", credentials.basicAuthorization)
        case .session(let token, _): ("X-Auth-Token", token)
        }
    }
}
