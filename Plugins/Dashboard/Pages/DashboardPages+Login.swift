import WebUI

extension DashboardPages {
    /// The sign-in form (local user and password) and, when OIDC is configured, the SSO link.
    static func login(error: String? = nil, username: String = "", sso: Bool) -> String {
        let alert = error.map { "<p id=\"login-error\" class=\"alert\" role=\"alert\">\(HTML.escape($0))</p>" } ?? ""
        let ssoLink = sso ? "<p class=\"sso\"><a id=\"sso\" href=\"/login/sso\">Sign in with SSO</a></p>" : ""
        let main = """
            <section class="card login"><h2>Sign in</h2>\(alert)
            <form method="post" action="/login" id="login-form">
            <label>User <input name="username" id="username" autocomplete="username" required maxlength="200" value="\(HTML.escape(username))"></label>
            <label>Password <input name="password" id="password" type="password" autocomplete="current-password" required maxlength="1000"></label>
            <button type="submit" id="sign-in">Sign in</button>
            </form>\(ssoLink)
            <p class="hint">For superadmins and tenant administrators.</p></section>
            """
        return frame(title: "Sign in", page: "login", user: nil, main: main)
    }
}

extension DashboardPages {
    /// After SSO: continues to the servers from this origin (a meta refresh, no script).
    static func signedIn() -> String {
        frame(
            title: "Signed in", page: "signed-in", user: nil,
            main: """
                <meta http-equiv="refresh" content="0;url=/servers">
                <section class="card"><h2>Signed in</h2><p><a href="/servers" id="continue">Continue to the dashboard</a></p></section>
                """)
    }
}
