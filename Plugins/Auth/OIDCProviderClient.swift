import AsyncHTTPClient
import Foundation
import NIOCore

/// HTTP calls to the OIDC provider: discovery, the code exchange and its JWKS. Each bounded
/// in time and size.
struct OIDCProviderClient: Sendable {
    let client: HTTPClient
    let timeout: TimeAmount = .seconds(10)
    static let maximumBytes = 512 * 1024

    func discover(issuer: String) async throws(AuthError) -> OIDCDiscoveryDocument {
        let document: OIDCDiscoveryDocument = try await getJSON(issuer + "/.well-known/openid-configuration")
        guard document.issuer.trimmingSuffix("/") == issuer.trimmingSuffix("/") else {
            throw .oidcFailed("the discovery document names issuer \(document.issuer), not \(issuer)")
        }
        return document
    }

    func jwks(_ url: String) async throws(AuthError) -> String {
        String(decoding: try await fetch(HTTPClientRequest(url: url)), as: UTF8.self)
    }

    func exchange(
        code: String, verifier: String, redirectURI: String, settings: OIDCSettings, endpoint: String
    ) async throws(AuthError) -> OIDCTokenResponse {
        var form = [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI), ("code_verifier", verifier)]
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        if let secret = settings.clientSecret {
            let credentials = "\(FormEncoding.escape(settings.clientID)):\(FormEncoding.escape(secret))"
            request.headers.add(name: "Authorization", value: "Basic \(Data(credentials.utf8).base64EncodedString())")
        } else {
            form.append(("client_id", settings.clientID))
        }
        request.body = .bytes(ByteBuffer(string: FormEncoding.encode(form)))
        let body = try await fetch(request)
        do {
            return try JSONDecoder().decode(OIDCTokenResponse.self, from: body)
        } catch {
            throw .oidcFailed("the token endpoint answered without an id_token")
        }
    }

    private func getJSON<T: Decodable>(_ url: String) async throws(AuthError) -> T {
        let body = try await fetch(HTTPClientRequest(url: url))
        do {
            return try JSONDecoder().decode(T.self, from: body)
        } catch {
            throw .oidcFailed("\(url) did not answer the expected JSON")
        }
    }

    private func fetch(_ request: HTTPClientRequest) async throws(AuthError) -> Data {
        do {
            let response = try await client.execute(request, timeout: timeout)
            let body = try await response.body.collect(upTo: Self.maximumBytes)
            guard response.status == .ok else {
                throw AuthError.oidcFailed("\(request.url) answered \(response.status.code): \(String(buffer: body).prefix(200))")
            }
            return Data(body.readableBytesView)
        } catch let error as AuthError {
            throw error
        } catch {
            throw .oidcFailed("cannot reach \(request.url): \(error)")
        }
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
