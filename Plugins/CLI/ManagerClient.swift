import Foundation

/// The manager's REST API as the CLI uses it (login, refresh, servers, session tokens).
struct ManagerClient {
    let base: URL
    /// The login token, for the calls that need one.
    var token: String?

    /// `{"error": {"code", "message"}}`.
    struct ErrorBody: Decodable {
        struct Detail: Decodable {
            var code: String?
            var message: String?
        }
        var error: Detail?
    }

    /// Sends a request and decodes the JSON answer.
    func call<Reply: Decodable>(_ method: String, _ path: String, query: [URLQueryItem] = [], body: (any Encodable)? = nil, as: Reply.Type) async throws -> Reply {
        let data = try await send(method, path, query: query, body: body)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(Reply.self, from: data)
        } catch {
            throw CLIError.failure("the manager's answer to \(method) /\(path) could not be read: \(error)")
        }
    }

    /// Sends a request; returns the body of a 2xx answer.
    func send(_ method: String, _ path: String, query: [URLQueryItem] = [], body: (any Encodable)? = nil) async throws -> Data {
        var components = URLComponents(url: base.appendingPathComponent(path), resolvingAgainstBaseURL: false)
        if !query.isEmpty { components?.queryItems = query }
        guard let url = components?.url else { throw CLIError.usage("bad manager URL \(base.absoluteString)") }
        var headers: [(String, String)] = []
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        var encoded: Data?
        if let body {
            headers.append(("Content-Type", "application/json"))
            encoded = try JSONEncoder().encode(body)
        }
        let answer: CLIHTTP.Answer
        do {
            answer = try await CLIHTTP.perform(method, url: url, headers: headers, body: encoded)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError.unreachable(
                "cannot reach the manager at \(base.absoluteString): \(error) (check --manager / TETHER_MANAGER, that it runs, and TETHER_CA_FILE for a private CA)")
        }
        guard (200..<300).contains(answer.status) else {
            let decoded = try? JSONDecoder().decode(ErrorBody.self, from: answer.body)
            throw CLIError.fromManager(status: answer.status, code: decoded?.error?.code, message: decoded?.error?.message)
        }
        return answer.body
    }
}
