import Foundation

extension AuthService {
    /// An enrolment token for one agent node at one gateway (superadmin only). Refusals and
    /// issuance are audited under `enrolment.issued`.
    func issueEnrolmentToken(_ request: Manager.IssueEnrolmentToken) async throws(AuthError) -> Manager.IssueEnrolmentToken.Reply {
        let action = "enrolment.issued"
        let principal = try await principal(loginToken: request.loginToken, source: request.source, action: action)
        guard principal.superadmin else {
            await audit(actor: principal.userID, action: action, outcome: .denied, source: request.source, detail: "not a superadmin")
            throw .denied("only superadmins may issue enrolment tokens")
        }
        for (field, name) in [("node", request.node), ("gateway", request.gateway)] where !Self.isNodeName(name) {
            throw .badRequest("\(field) must be a node name of 1...128 letters, digits, . _ - (no wildcard), not \"\(name.prefix(40))\"")
        }
        guard request.node != request.gateway else { throw .badRequest("node and gateway must differ") }
        let maximum = Int(settings.maximumEnrolmentLifetime)
        let lifetime = request.ttlSeconds ?? Int(settings.enrolmentLifetime)
        guard (60...maximum).contains(lifetime) else { throw .badRequest("ttlSeconds must be 60...\(maximum), not \(lifetime)") }
        let issued = now()
        let claims = EnrolmentClaims(
            iss: settings.issuer, sub: request.node, aud: request.gateway, exp: Int64(issued.timeIntervalSince1970) + Int64(lifetime),
            iat: Int64(issued.timeIntervalSince1970), jti: RandomToken.make())
        let token = try await keys.currentSigner().sign(claims)
        await audit(
            actor: principal.userID, action: action, outcome: .ok, source: request.source,
            detail: "node \(request.node); gateway \(request.gateway); ttl \(lifetime) s; jti \(claims.jti)")
        return Manager.IssueEnrolmentToken.Reply(
            token: Manager.IssuedToken(token: token, expiresAt: Date(timeIntervalSince1970: TimeInterval(claims.exp)), kind: .enrol),
            node: request.node, gateway: request.gateway, tokenID: claims.jti)
    }

    /// The link's node-name rule (1...128 of letters, digits, `.`, `_`, `-`).
    static func isNodeName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 128
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
    }
}
