import Foundation

extension SQLStore {
    public func insertSigningKey(_ key: StoredSigningKey) async throws(StoreError) {
        try StoreValidation.name(key.kid, "key id")
        try await database.query(
            """
            INSERT INTO signing_keys (kid, algorithm, private_key, public_jwk, created_at, retired_at, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """,
            [.text(key.kid), .text(key.algorithm), .text(key.privateKey), .text(key.publicJWK),
             .integer(key.createdAt.millisecondsSince1970), .optionalInteger(key.retiredAt?.millisecondsSince1970),
             .optionalInteger(key.expiresAt?.millisecondsSince1970)])
    }

    public func retireSigningKey(kid: String, at: Date, expiresAt: Date) async throws(StoreError) {
        try await database.query(
            "UPDATE signing_keys SET retired_at = $1, expires_at = $2 WHERE kid = $3 AND retired_at IS NULL",
            [.integer(at.millisecondsSince1970), .integer(expiresAt.millisecondsSince1970), .text(kid)])
    }

    public func signingKeys() async throws(StoreError) -> [StoredSigningKey] {
        try await database.query(
            "SELECT kid, algorithm, private_key, public_jwk, created_at, retired_at, expires_at FROM signing_keys ORDER BY created_at, kid"
        ).map { row throws(StoreError) in
            StoredSigningKey(
                kid: try row.text("kid"), algorithm: try row.text("algorithm"), privateKey: try row.text("private_key"),
                publicJWK: try row.text("public_jwk"), createdAt: Date(millisecondsSince1970: try row.integer("created_at")),
                retiredAt: try row.optionalInteger("retired_at").map(Date.init(millisecondsSince1970:)),
                expiresAt: try row.optionalInteger("expires_at").map(Date.init(millisecondsSince1970:)))
        }
    }

    @discardableResult
    public func deleteSigningKeys(expiredBefore date: Date) async throws(StoreError) -> Int {
        let doomed = try await database.query(
            "SELECT kid FROM signing_keys WHERE expires_at IS NOT NULL AND expires_at < $1", [.integer(date.millisecondsSince1970)])
        try await database.query(
            "DELETE FROM signing_keys WHERE expires_at IS NOT NULL AND expires_at < $1", [.integer(date.millisecondsSince1970)])
        return doomed.count
    }
}
