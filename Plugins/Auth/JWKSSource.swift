/// Where a ``TokenVerifier`` gets the public keys.
public protocol JWKSSource: Sendable {
    func fetchJWKS() async throws -> JWKSDocument
}

/// A source backed by a closure (the manager's own key ring, or a fixed document in tests).
public struct ClosureJWKSSource: JWKSSource {
    private let fetch: @Sendable () async throws -> JWKSDocument

    public init(_ fetch: @escaping @Sendable () async throws -> JWKSDocument) {
        self.fetch = fetch
    }

    public func fetchJWKS() async throws -> JWKSDocument { try await fetch() }
}
