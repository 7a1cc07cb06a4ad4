import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The gateway's REST API as the CLI uses it.
struct GatewayClient {
    let base: URL
    let token: String

    struct ErrorBody: Decodable {
        var error: String?
        var message: String?
    }

    /// Sends a request and decodes the JSON answer.
    func call<Reply: Decodable>(_ method: String, _ path: String, body: (any Encodable)? = nil, as: Reply.Type) async throws -> Reply {
        let data = try await send(method, path, body: body)
        do {
            return try JSONDecoder().decode(Reply.self, from: data)
        } catch {
            throw CLIError.failure("the gateway's answer to \(method) \(path) could not be read: \(error)")
        }
    }

    /// Sends a request; returns the raw body of a 2xx answer.
    func send(_ method: String, _ path: String, body: (any Encodable)? = nil) async throws -> Data {
        var request = URLRequest(url: base.appendingPathComponent(path))
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.timeoutInterval = 30
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONEncoder().encode(body)
        }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw CLIError.unreachable(
                "cannot reach the gateway at \(base.absoluteString): \(error.localizedDescription) (check --gateway / TETHER_GATEWAY and that the gateway runs)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            let decoded = try? JSONDecoder().decode(ErrorBody.self, from: data)
            throw CLIError.fromGateway(status: status, code: decoded?.error, message: decoded?.message)
        }
        return data
    }

    /// The WebSocket URL of a path on the gateway.
    func webSocketURL(_ path: String) -> String {
        var components = URLComponents(url: base.appendingPathComponent(path), resolvingAgainstBaseURL: false)
        components?.scheme = base.scheme == "https" ? "wss" : "ws"
        return components?.string ?? path
    }
}
