import AsyncHTTPClient
import Foundation
import NIOCore

/// Plays the user's browser at the OIDC provider: POSTs the authorize URL with `sub=NAME` and
/// returns the redirect it answers with (not followed).
public enum HeadlessBrowser {
    public static func authorize(_ url: String, as subject: String) async throws -> URLComponents {
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: .init(redirectConfiguration: .disallow))
        do {
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: "sub=\(subject)"))
            let response = try await client.execute(request, timeout: .seconds(10))
            try await client.shutdown()
            guard (300..<400).contains(Int(response.status.code)), let location = response.headers.first(name: "location"),
                let components = URLComponents(string: location)
            else { throw LabFailure("the provider answered \(response.status.code) without a redirect") }
            return components
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}

extension URLComponents {
    /// The first value of the query item `name`.
    public func query(_ name: String) -> String? { queryItems?.first { $0.name == name }?.value }
}
