import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GatewayAPI
import GatewayTesting
import Kernel
import KernelTesting

/// A gateway node for one test: the test auth and router plugins, a fake BMC and
/// `gateway-api` on a free loopback port.
struct TestGateway: Sendable {
    static let plugins = GatewayTestManifest.plugins
    static let allowedOrigin = GatewayTestManifest.allowedOrigin

    let port: Int
    let scheme: String
    var base: String { "\(scheme)://127.0.0.1:\(port)" }
    var webSocketBase: String { "\(scheme == "https" ? "wss" : "ws")://127.0.0.1:\(port)" }

    /// Boots the node; `settings` are extra `gateway-api` keys (`maxBodyBytes: 100`).
    static func run<T: Sendable>(
        _ settings: [String] = [], auth: String = "{}", tls: Bool = false, _ body: @Sendable (TestGateway) async throws -> T
    ) async throws -> T {
        let port = FreePort.find()
        return try await TestNode.run(yaml(port: port, settings: settings, auth: auth), plugins: plugins, node: "gateway") { _ in
            let gateway = TestGateway(port: port, scheme: tls ? "https" : "http")
            if !tls { try await gateway.waitUntilServing() }
            return try await body(gateway)
        }
    }

    /// The gateway's manifest; with `agentNode` the fake BMC runs on that node instead.
    static func yaml(port: Int, settings: [String] = [], auth: String = "{}", agentNode: String? = nil) -> String {
        GatewayTestManifest.yaml(port: port, settings: settings, auth: auth, agentNode: agentNode)
    }

    /// Polls `/healthz` (bounded: 5 s) until the server answers.
    func waitUntilServing() async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if let reply = try? await request("GET", "/healthz"), reply.status == 200 { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TestFailure("gateway-api never answered /healthz on port \(port)")
    }

    /// One HTTP request through URLSession.
    func request(
        _ method: String, _ path: String, token: String? = nil, headers: [String: String] = [:], body: String? = nil
    ) async throws -> HTTPReply {
        guard let url = URL(string: base + path) else { throw TestFailure("bad URL \(path)") }
        var request = URLRequest(url: url, timeoutInterval: 10)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await Self.session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw TestFailure("not an HTTP response") }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields["\(name)".lowercased()] = "\(value)" }
        return HTTPReply(status: http.statusCode, body: data, headers: fields)
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return URLSession(configuration: configuration)
    }()
}
