import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The manager's REST API on loopback, to compare its answers with gRPC's.
struct RESTClient: Sendable {
    let base: String
    static let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)

    struct Answer: Sendable {
        let status: Int
        let body: Data
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
        var errorMessage: String? { (json["error"] as? [String: Any])?["message"] as? String }
    }

    struct Failure: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    func send(_ method: HTTPMethod, _ path: String, token: String? = nil, json: String? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await Self.client.execute(request, timeout: .seconds(30))
        let data = try await response.body.collect(upTo: 4 * 1024 * 1024)
        return Answer(status: Int(response.status.code), body: Data(data.readableBytesView))
    }

    func get(_ path: String, token: String? = nil) async throws -> Answer { try await send(.GET, path, token: token) }

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
