import Hummingbird

/// Where a request's token came from. Only a bearer token may come without an `Origin`
/// (a CLI); a cookie is a browser's and is accepted only from an allowed origin.
enum Credential: Equatable, Sendable {
    /// `Authorization: Bearer <token>`.
    case bearer(String)
    /// `Sec-WebSocket-Protocol: bearer.<token>`: browsers cannot set headers on a WebSocket.
    case subprotocol(String)
    /// `Cookie: tether_session=<session ID>`: a console session of the `session` plugin,
    /// never a token.
    case cookie(String)

    /// The name of the session cookie.
    static let cookieName = "tether_session"
    /// The subprotocol prefix that carries a token.
    static let subprotocolPrefix = "bearer."

    var token: String {
        switch self {
        case .bearer(let token), .subprotocol(let token), .cookie(let token): token
        }
    }

    /// The first credential in `headers`, in the order bearer, subprotocol, cookie.
    /// - Throws: `unauthenticated` for an `Authorization` header that is not a bearer token.
    static func find(in headers: HTTPFields) throws(GatewayError) -> Credential? {
        if let authorization = headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                throw .unauthenticated("the Authorization header must be \"Bearer <token>\"")
            }
            return .bearer(String(parts[1]).trimmingSpaces)
        }
        if let token = subprotocols(in: headers).first(where: { $0.hasPrefix(subprotocolPrefix) }) {
            return .subprotocol(String(token.dropFirst(subprotocolPrefix.count)))
        }
        if let token = cookie(named: cookieName, in: headers) {
            return .cookie(token)
        }
        return nil
    }

    /// Every offered `Sec-WebSocket-Protocol` value, in order.
    static func subprotocols(in headers: HTTPFields) -> [String] {
        headers[values: .secWebSocketProtocol].flatMap { $0.split(separator: ",") }.map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    static func cookie(named name: String, in headers: HTTPFields) -> String? {
        for header in headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, String(parts[0]).trimmingSpaces == name { return String(parts[1]).trimmingSpaces }
            }
        }
        return nil
    }
}
