import Foundation

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
        var headers = [("Authorization", "Bearer \(token)")]
        var encoded: Data?
        if let body {
            headers.append(("Content-Type", "application/json"))
            encoded = try JSONEncoder().encode(body)
        }
        let answer: CLIHTTP.Answer
        do {
            answer = try await CLIHTTP.perform(method, url: base.appendingPathComponent(path), headers: headers, body: encoded)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError.unreachable(
                "cannot reach the gateway at \(base.absoluteString): \(error) (check --gateway / TETHER_GATEWAY, that the gateway runs, and TETHER_CA_FILE for a private CA)")
        }
        guard (200..<300).contains(answer.status) else {
            let decoded = try? JSONDecoder().decode(ErrorBody.self, from: answer.body)
            throw CLIError.fromGateway(status: answer.status, code: decoded?.error, message: decoded?.message)
        }
        return answer.body
    }

    /// The WebSocket URL of a path on the gateway.
    func webSocketURL(_ path: String) -> String {
        var components = URLComponents(url: base.appendingPathComponent(path), resolvingAgainstBaseURL: false)
        components?.scheme = base.scheme == "https" ? "wss" : "ws"
        return components?.string ?? path
    }
}
