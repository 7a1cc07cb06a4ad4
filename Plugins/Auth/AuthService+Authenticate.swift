extension AuthService {
    /// The caller behind a login token, for another manager plugin.
    func authenticate(_ request: Manager.Authenticate) async throws(AuthError) -> Manager.Authenticate.Reply {
        let principal = try await principal(loginToken: request.loginToken, source: request.source, action: request.action)
        return Manager.Authenticate.Reply(userID: principal.userID, name: principal.name, superadmin: principal.superadmin, roles: principal.roles)
    }
}
