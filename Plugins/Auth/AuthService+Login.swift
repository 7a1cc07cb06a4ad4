import Foundation
import Storage

extension AuthService {
    static let maximumUsernameLength = 200

    /// A local login: rate-limited per account and source, audited either way.
    func login(_ request: Manager.Login) async throws(AuthError) -> Manager.IssuedToken {
        let name = request.username
        guard !name.isEmpty, name.count <= Self.maximumUsernameLength, !request.password.isEmpty,
            request.password.utf8.count <= PasswordHasher.maximumPasswordBytes
        else { throw .badRequest("username (1...200 characters) and password (1...1024 bytes) are required") }
        let at = now()
        if let wait = withLimiter({ $0.admit(account: name, source: request.source, now: at) }) {
            await audit(actor: name, action: "login", outcome: .denied, source: request.source, detail: "rate limited")
            throw .rateLimited(retryAfterSeconds: wait)
        }
        let user = try await stored { () async throws(StoreError) in try await store.user(named: name) }
        let hasher = settings.hasher
        let password = request.password
        let matches: Bool
        if let hash = user?.passwordHash {
            matches = await offload { hasher.verify(password, against: hash) }
        } else {
            await offload { hasher.verifyNothing(password) }
            matches = false
        }
        guard matches, let user else {
            withLimiter { $0.recordFailure(account: name, now: at) }
            await audit(actor: user?.id ?? name, action: "login", outcome: .failed, source: request.source, detail: "local: wrong user name or password")
            throw .invalidCredentials
        }
        withLimiter { $0.recordSuccess(account: name) }
        let token = try await issueLogin(for: user, authTime: at)
        await audit(actor: user.id, action: "login", outcome: .ok, source: request.source, detail: "local")
        return token
    }

    /// A new login token for a valid one, within the maximum login age.
    func refresh(_ request: Manager.Refresh) async throws(AuthError) -> Manager.IssuedToken {
        let claims: LoginClaims
        do {
            claims = try await verifier.verifyLogin(request.loginToken, audience: settings.audience)
        } catch {
            await audit(actor: "anonymous", action: "token.refresh", outcome: .denied, source: request.source, detail: error.message)
            throw .invalidToken(error)
        }
        let authTime = Date(timeIntervalSince1970: TimeInterval(claims.authTime))
        guard now().timeIntervalSince(authTime) < settings.maximumLoginAge else {
            await audit(actor: claims.sub, action: "token.refresh", outcome: .denied, source: request.source, detail: "maximum login age reached")
            throw .denied("this login is older than \(Int(settings.maximumLoginAge)) s; log in again")
        }
        guard let user = try await stored({ () async throws(StoreError) in try await store.user(id: claims.sub) }) else {
            throw .invalidToken(.malformed("the user no longer exists"))
        }
        let token = try await issueLogin(for: user, authTime: authTime)
        await audit(actor: user.id, action: "token.refresh", outcome: .ok, source: request.source)
        return token
    }
}
