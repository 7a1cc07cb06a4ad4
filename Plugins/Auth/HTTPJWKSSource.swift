import AsyncHTTPClient
import Foundation
import NIOCore

/// Fetches the JWKS over HTTP(S), as a gateway does from the manager's
/// `/.well-known/jwks.json`. Bounded in time and size.
public struct HTTPJWKSSource: JWKSSource {
    public let url: String
    public let client: HTTPClient
    public let timeout: TimeAmount
    public static let maximumBytes = 256 * 1024

    public init(url: String, client: HTTPClient = .shared, timeout: TimeAmount = .seconds(5)) {
        self.url = url
        self.client = client
        self.timeout = timeout
    }

    public func fetchJWKS() async throws -> JWKSDocument {
        let response = try await client.execute(HTTPClientRequest(url: url), timeout: timeout)
        guard response.status == .ok else { throw TokenRejection.keysUnavailable("\(url) answered \(response.status.code)") }
        let body = try await response.body.collect(upTo: Self.maximumBytes)
        return try JSONDecoder().decode(JWKSDocument.self, from: Data(body.readableBytesView))
    }
}
