extension Migration {
    /// Version 2: users learn where they come from (`local` or `oidc`), and OIDC subjects map
    /// to users. Existing users become `local`.
    static let externalIdentities = Migration(version: 2, name: "external identities") { _ in
        [
            "ALTER TABLE users ADD COLUMN origin TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'oidc'))",
            """
            CREATE TABLE external_identities (issuer TEXT NOT NULL, subject TEXT NOT NULL,
                user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, PRIMARY KEY (issuer, subject))
            """,
        ]
    }
}
