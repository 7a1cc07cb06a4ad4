import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.timeoutInterval = 30
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
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
                "cannot reach the manager at \(base.absoluteString): \(error.localizedDescription) (check --manager / TETHER_MANAGER and that it runs)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            let decoded = try? JSONDecoder().decode(ErrorBody.self, from: data)
            throw CLIError.fromManager(status: status, code: decoded?.error?.code, message: decoded?.error?.message)
        }
        return data
    }
}
