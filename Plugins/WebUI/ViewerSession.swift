import Contracts
import Foundation
import Hummingbird
import Kernel

/// The session a page request stands for: the `tether_session` cookie must hold the
/// session ID of the URL, and the session plugin must still know it.
struct ViewerSession: Sendable {
    let id: String
    let resolved: Session.Resolve.Reply

    var server: String { resolved.session.server }
    var kind: Session.Kind { resolved.session.kind }

    static let cookieName = "tether_session"

    /// - Throws: ``PageError`` 401 without a matching cookie or for an ended session.
    static func resolve(_ request: Request, id: String, bus: Bus, timeout: Duration) async throws -> ViewerSession {
        guard let cookie = cookie(in: request.headers), cookie == id else {
            throw PageError.sessionGone("this browser holds no console session for this page; open a new viewer link")
        }
        do {
            return ViewerSession(id: id, resolved: try await bus.ask(Session.Resolve(id: id), timeout: timeout))
        } catch BusError.remote("unauthenticated", _) {
            throw PageError.sessionGone("this console session has ended or expired; open a new viewer link")
        } catch {
            throw PageError(status: .serviceUnavailable, code: "unavailable", message: "the session cannot be checked right now (\(error)); retry shortly")
        }
    }

    static func cookie(in headers: HTTPFields) -> String? {
        for header in headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == cookieName {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }

    /// `Set-Cookie` for the session: the browser sends it to the gateway (same host) too.
    static func setCookie(_ id: String) -> String {
        "\(cookieName)=\(id); Path=/; HttpOnly; Secure; SameSite=Strict"
    }
}
