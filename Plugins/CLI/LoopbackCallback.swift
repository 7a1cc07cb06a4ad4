import Foundation

/// What one HTTP request to the CLI's OIDC loopback listener means (pure: fed the request
/// head, returns the outcome and the answer to send; RFC 8252 loopback redirect).
enum LoopbackCallback: Equatable {
    /// The provider's code, with the state that matched.
    case code(String)
    /// The provider refused the login (`error` in the query).
    case refused(String)
    /// Not the callback (a favicon, a stale tab, a wrong state): answer and keep waiting.
    case ignored(status: Int, reason: String)

    /// The path the redirect URI names.
    static let path = "/callback"

    /// Interprets a request head (`GET /callback?code=...&state=... HTTP/1.1` and headers).
    static func interpret(_ head: String, expectedState: String) -> LoopbackCallback {
        let requestLine = head.prefix { !$0.isNewline }  // "\r\n" is one Character
        let parts = requestLine.split(separator: " ")
        guard parts.count == 3, parts[0] == "GET", parts[2].hasPrefix("HTTP/1.") else {
            return .ignored(status: 400, reason: "not an HTTP GET")
        }
        guard let components = URLComponents(string: String(parts[1])), components.path == path else {
            return .ignored(status: 404, reason: "not the login callback")
        }
        let query = components.queryItems ?? []
        func value(_ name: String) -> String? { query.first { $0.name == name }?.value }
        guard value("state") == expectedState else {
            return .ignored(status: 400, reason: "this is not the login this CLI started (state does not match)")
        }
        if let error = value("error") {
            let description = value("error_description").map { ": \($0)" } ?? ""
            return .refused(String((error + description).prefix(300)))
        }
        guard let code = value("code"), !code.isEmpty else { return .ignored(status: 400, reason: "no code in the callback") }
        return .code(code)
    }

    /// The HTTP answer for the browser.
    var response: String {
        let (status, text): (Int, String) =
            switch self {
            case .code: (200, "Logged in to Tether. You can close this tab and return to the terminal.")
            case .refused(let reason): (400, "The login was refused: \(reason)")
            case .ignored(let status, let reason): (status, reason)
            }
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        let body = "<!doctype html><meta charset=utf-8><title>Tether</title><p>\(escaped)</p>\n"
        let phrase = status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request"
        return "HTTP/1.1 \(status) \(phrase)\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(body.utf8.count)\r\n"
            + "Cache-Control: no-store\r\nConnection: close\r\n\r\n\(body)"
    }
}
