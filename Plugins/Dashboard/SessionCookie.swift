import Foundation
import HTTPTypes

/// The dashboard's cookies: `tether_dashboard` holds the opaque session ID (never a token);
/// `tether_dashboard_oidc` binds an SSO login in progress to the browser that started it.
/// Both host-only, `HttpOnly; Secure; SameSite=Strict; Path=/`.
enum SessionCookie {
    static let session = "tether_dashboard"
    static let oidcState = "tether_dashboard_oidc"

    static func value(_ name: String, in headers: HTTPFields) -> String? {
        for header in headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }

    /// Sets `name` until `expiresAt` (as Max-Age, so the browser's clock does not matter).
    static func set(_ name: String, _ value: String, expiresAt: Date, now: Date) -> String {
        let seconds = max(1, Int(expiresAt.timeIntervalSince(now).rounded(.down)))
        return "\(name)=\(value); Path=/; Max-Age=\(seconds); HttpOnly; Secure; SameSite=Strict"
    }

    static func clear(_ name: String) -> String {
        "\(name)=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict"
    }
}
