import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// The manager's REST API over HTTPS, trusting only the test CA: login, enrolment tokens,
/// audit records.
struct ManagerAPIClient: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let base: String
    private let client: HTTPClient

    init(base: String, trusting caFile: String) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
        self.base = base
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: .init(tlsConfiguration: tls))
    }

    func shutdown() async { try? await client.shutdown() }

    /// Sends `body` (a JSON object) or nothing; the status and the decoded JSON object.
    func call(_ method: HTTPMethod, _ path: String, bearer: String? = nil, body: [String: Any]? = nil) async throws -> (status: Int, json: [String: Any]) {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        if let bearer { request.headers.add(name: "Authorization", value: "Bearer \(bearer)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: body)))
        }
        let response = try await client.execute(request, timeout: .seconds(20))
        let data = Data((try await response.body.collect(upTo: 4 << 20)).readableBytesView)
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return (Int(response.status.code), json)
    }

    func login(_ user: String, password: String) async throws -> String {
        let reply = try await call(.POST, "/v1/login", body: ["username": user, "password": password])
        guard reply.status == 200, let token = reply.json["token"] as? String else { throw Failure(description: "login: \(reply)") }
        return token
    }

    /// An enrolment token from `POST /v1/agents/enrolment-tokens`.
    func enrolmentToken(login: String, node: String, gateway: String, ttlSeconds: Int = 3_600) async throws -> String {
        let reply = try await call(.POST, "/v1/agents/enrolment-tokens", bearer: login, body: ["node": node, "gateway": gateway, "ttlSeconds": ttlSeconds])
        guard reply.status == 201, let issued = reply.json["token"] as? [String: Any], let token = issued["token"] as? String,
            issued["kind"] as? String == "enrol"
        else { throw Failure(description: "enrolment token: \(reply)") }
        return token
    }

    /// The newest audit records: `(action, outcome, actor, detail)`.
    func audit(login: String) async throws -> [(action: String, outcome: String, actor: String, detail: String)] {
        let reply = try await call(.GET, "/v1/audit?limit=500", bearer: login)
        guard reply.status == 200, let events = reply.json["events"] as? [[String: Any]] else { throw Failure(description: "audit: \(reply)") }
        return events.map {
            ($0["action"] as? String ?? "", $0["outcome"] as? String ?? "", $0["actor"] as? String ?? "", $0["detail"] as? String ?? "")
        }
    }
}
