import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Calls the manager API on loopback and returns status, headers and the JSON body.
struct HTTPTestClient: Sendable {
    let base: String
    static let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: .init(redirectConfiguration: .disallow))

    struct Answer: Sendable {
        let status: Int
        let headers: [(String, String)]
        let body: Data

        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    func send(
        _ method: HTTPMethod, _ path: String, token: String? = nil, body: String? = nil, contentType: String = "application/json"
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: path.hasPrefix("http") ? path : base + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await Self.client.execute(request, timeout: .seconds(30))
        let data = try await response.body.collect(upTo: 4 * 1024 * 1024)
        return Answer(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, body: Data(data.readableBytesView))
    }

    func get(_ path: String, token: String? = nil) async throws -> Answer { try await send(.GET, path, token: token) }

    func post(_ path: String, token: String? = nil, json: String? = nil) async throws -> Answer {
        try await send(.POST, path, token: token, body: json)
    }

    /// Logs in a local user and returns the token.
    func login(_ user: String, _ password: String) async throws -> String {
        let answer = try await post("/v1/login", json: #"{"username":"\#(user)","password":"\#(password)"}"#)
        guard answer.status == 200, let token = answer.json["token"] as? String else {
            throw TestFailure(reason: "login \(user): \(answer.status) \(String(decoding: answer.body, as: UTF8.self))")
        }
        return token
    }

    /// Retries while the server is still binding (bounded: 10 s).
    func waitUntilUp() async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            do {
                _ = try await get("/openapi.json")
                return
            } catch where ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
