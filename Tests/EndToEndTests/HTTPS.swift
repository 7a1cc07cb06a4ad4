import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// HTTPS requests that trust only the test CA, as a client of the manager or a gateway.
struct HTTPS: Sendable {
    struct Reply: Sendable {
        let status: Int
        let body: String
        func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else {
                throw HTTPS.Failure(description: "not a JSON object: \(body.prefix(300))")
            }
            return object
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let client: HTTPClient

    init(trusting caFile: String) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: .init(tlsConfiguration: tls))
    }

    func shutdown() async { try? await client.shutdown() }

    func request(_ method: HTTPMethod, _ url: String, token: String? = nil, json: String? = nil) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await client.execute(request, timeout: .seconds(20))
        let body = try await response.body.collect(upTo: 1 << 20)
        return Reply(status: Int(response.status.code), body: String(buffer: body))
    }

    /// Logs in with a password; the login token.
    func login(_ manager: String, user: String, password: String) async throws -> String {
        let body = try JSONSerialization.data(withJSONObject: ["username": user, "password": password])
        let reply = try await request(.POST, "\(manager)/v1/login", json: String(decoding: body, as: UTF8.self))
        guard reply.status == 200, let token = try reply.json()["token"] as? String else {
            throw HTTPS.Failure(description: "login as \(user): \(reply.status) \(reply.body)")
        }
        return token
    }

    /// A session token for `server` from the manager, and the gateway it is for.
    func sessionToken(_ manager: String, login: String, server: String) async throws -> (token: String, gateway: String) {
        let reply = try await request(.POST, "\(manager)/v1/servers/\(server)/session-token", token: login, json: "{}")
        let object = try reply.json()
        guard reply.status == 200, let token = (object["token"] as? [String: Any])?["token"] as? String, let gateway = object["gateway"] as? String else {
            throw HTTPS.Failure(description: "session token for \(server): \(reply.status) \(reply.body)")
        }
        return (token, gateway)
    }
}
