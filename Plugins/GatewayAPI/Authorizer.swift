import Contracts
import Foundation
import Hummingbird
import Kernel

/// Turns a request's headers into a verified principal and checks what it may do. Tokens are
/// verified by whichever `auth` plugin serves `auth.verify` on this node.
struct Authorizer: Sendable {
    let bus: Bus
    let origins: OriginPolicy
    let timeout: Duration

    /// The principal, if it may do `action` on `server`.
    /// - Throws: ``GatewayError`` 403 for a foreign origin or a missing permission, 401 for a
    ///   missing or invalid token, 503 when tokens cannot be checked.
    func authorize(_ headers: HTTPFields, _ action: Auth.Action, on server: String) async throws -> Auth.Principal {
        let principal = try await principal(for: headers, action: action, server: server)
        try Self.check(principal, may: action, on: server)
        return principal
    }

    /// The verified caller, after the origin rules. A session cookie must fit `action` and
    /// `server` when given (``sessionPrincipal(_:action:server:)``).
    func principal(for headers: HTTPFields, action: Auth.Action? = nil, server: String? = nil) async throws -> Auth.Principal {
        let sender = origins.classify(headers[values: .origin])
        if case .foreignPage(let origin) = sender {
            throw GatewayError.denied("requests from the origin \(origin) are not allowed (allowedOrigins)")
        }
        guard let credential = try Credential.find(in: headers) else {
            throw GatewayError.unauthenticated("no token: send \"Authorization: Bearer <token>\" (get one with `tether login`)")
        }
        if case .cookie = credential, sender != .allowedPage {
            throw GatewayError.unauthenticated(
                "a session cookie is accepted only from a browser page on an allowed origin; a CLI sends \"Authorization: Bearer <token>\"")
        }
        if case .cookie(let session) = credential { return try await sessionPrincipal(session, action: action, server: server) }
        return try await verify(credential.token)
    }

    /// Verifies one token.
    func verify(_ token: String) async throws -> Auth.Principal {
        guard !token.isEmpty, token.utf8.count <= 8192 else {
            throw GatewayError.unauthenticated("the token is empty or longer than 8192 bytes")
        }
        let principal: Auth.Principal
        do {
            principal = try await bus.ask(Auth.Verify(token: token), timeout: timeout)
        } catch BusError.remote("unauthenticated", let message) {
            throw GatewayError.unauthenticated(message)
        } catch {
            throw GatewayError(
                status: .serviceUnavailable, code: "auth-unavailable",
                message: "tokens cannot be checked right now (\(GatewayError.from(error, asking: Auth.Verify.topic).message)); retry shortly")
        }
        guard principal.expiresAt > Int64(Date().timeIntervalSince1970) else {
            throw GatewayError.unauthenticated("the token has expired; get a new one with `tether login`")
        }
        return principal
    }

    /// Refuses `principal` unless it may do `action` on `server`, saying why.
    static func check(_ principal: Auth.Principal, may action: Auth.Action, on server: String) throws {
        guard principal.server == server else {
            throw GatewayError.denied("this token is for \(principal.server.map { "server \($0)" } ?? "no server"), not \(server)")
        }
        guard principal.allows(action, on: server) else {
            let granted = principal.actions.map(\.rawValue).joined(separator: ", ")
            throw GatewayError.denied("this token allows \(granted.isEmpty ? "nothing" : granted) on \(server), not \(action.rawValue)")
        }
    }
}
