import Contracts
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GatewayAPI
import Kernel
import KernelTesting
import Testing

@testable import Session

/// The gateway with the real `session` plugin: sessions are created with a bearer token, the
/// cookie holds only the session ID and opens only that session's server and console type,
/// and it is refused once the session ends or expires.
@Suite(.timeLimit(.minutes(2)))
struct GatewaySessionTests {
    static let origin = "https://console.example"

    struct Gateway: Sendable {
        let port: Int
        let node: RoleRunner

        func request(_ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil) async throws -> (
            status: Int, json: [String: Any]
        ) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!, timeoutInterval: 10)
            request.httpMethod = method
            for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
            if let body { request.httpBody = Data(body.utf8) }
            let (data, response) = try await Self.session.data(for: request)
            let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, json)
        }

        /// The status of a WebSocket handshake on `path`.
        func upgrade(_ path: String, cookie: String, origin: String = GatewaySessionTests.origin) throws -> Int {
            try RawHTTP.exchange(
                port: port, RawHTTP.upgrade(path, port: port, headers: ["Cookie": "tether_session=\(cookie)", "Origin": origin])
            ).status
        }

        static let session: URLSession = {
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpShouldSetCookies = false
            configuration.httpCookieAcceptPolicy = .never
            return URLSession(configuration: configuration)
        }()
    }

    static func run(session settings: String = "", _ body: @Sendable (Gateway) async throws -> Void) async throws {
        let port = FreePort.find()
        let yaml = """
            role: gateway
            plugins:
              - use: session-test-auth
              - use: session-test-bmc
              - use: session
                with: {viewerURL: "https://console.example/"\(settings)}
              - use: gateway-api
                with: {listen: "127.0.0.1:\(port)", allowedOrigins: ["\(origin)"]}
            """
        let plugins: [any Plugin.Type] = [SessionTestAuthPlugin.self, SessionTestBMCPlugin.self, SessionPlugin.self, GatewayAPIPlugin.self]
        try await TestNode.run(yaml, plugins: plugins, node: "gateway") { node in
            let gateway = Gateway(port: port, node: node)
            for _ in 0..<250 {
                if (try? await gateway.request("GET", "/healthz"))?.status == 200 { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            try await body(gateway)
        }
    }

    /// Creates a session and redeems its code the way the web UI does; returns the session ID.
    static func openSession(_ gateway: Gateway, type: String = "serial", token: String = "alice-lab-01") async throws -> String {
        let created = try await gateway.request(
            "POST", "/v1/servers/lab-01/sessions", headers: ["Authorization": "Bearer \(token)"], body: #"{"type":"\#(type)"}"#)
        #expect(created.status == 201, "\(created.json)")
        let id = try #require(created.json["id"] as? String)
        let viewerURL = try #require(created.json["viewerURL"] as? String)
        #expect(viewerURL.hasPrefix("https://console.example/view/\(id)?code="))
        #expect(created.json["expiresAt"] as? Int != nil)
        let code = String(try #require(viewerURL.split(separator: "=").last))
        let info = try await gateway.node.bus.ask(Session.Redeem(session: id, code: code))
        #expect(info.id == id && info.server == "lab-01" && info.subject == "alice")
        do {
            _ = try await gateway.node.bus.ask(Session.Redeem(session: id, code: code))
            Issue.record("a viewer code worked twice")
        } catch BusError.remote("unauthenticated", let message) {
            #expect(message.contains("already used"))
        }
        return id
    }

    @Test func creatingASessionNeedsABearerTokenThatAllowsTheConsoleType() async throws {
        try await Self.run { gateway in
            let path = "/v1/servers/lab-01/sessions"
            #expect(try await gateway.request("POST", path, body: #"{"type":"serial"}"#).status == 401)
            let viaCookie = try await gateway.request(
                "POST", path, headers: ["Cookie": "tether_session=x", "Origin": Self.origin], body: #"{"type":"serial"}"#)
            #expect(viaCookie.status == 401)
            let bearer = ["Authorization": "Bearer alice-lab-01"]
            #expect(try await gateway.request("POST", path, headers: bearer, body: #"{"type":"proxy"}"#).status == 400)
            #expect(try await gateway.request("POST", path, headers: bearer, body: #"{"type":"serial","x":1}"#).status == 400)
            #expect(try await gateway.request("POST", path, headers: ["Authorization": "Bearer viewer-lab-01"], body: #"{"type":"vnc"}"#).status == 403)
            #expect(try await gateway.request("POST", path, headers: ["Authorization": "Bearer alice-lab-02"], body: #"{"type":"vnc"}"#).status == 403)
            #expect(try await gateway.request("POST", path, headers: ["Authorization": "Bearer nope"], body: #"{"type":"vnc"}"#).status == 401)
        }
    }

    @Test func theCookieOpensOnlyItsServerAndConsoleTypeAndNotAfterTheSessionEnds() async throws {
        try await Self.run { gateway in
            let id = try await Self.openSession(gateway)
            let cookie = ["Cookie": "tether_session=\(id)", "Origin": Self.origin]
            #expect(try await gateway.request("GET", "/v1/servers/lab-01/power", headers: cookie).status == 200)
            #expect(try await gateway.request("GET", "/v1/servers/lab-02/power", headers: cookie).status == 403)
            // Without an allowed Origin the cookie is not accepted at all.
            #expect(try await gateway.request("GET", "/v1/servers/lab-01/power", headers: ["Cookie": "tether_session=\(id)"]).status == 401)
            #expect(try gateway.upgrade("/v1/servers/lab-01/console/serial", cookie: id) == 101)
            #expect(try gateway.upgrade("/v1/servers/lab-02/console/serial", cookie: id) == 403)
            #expect(try gateway.upgrade("/v1/servers/lab-01/console/vnc", cookie: id) == 403, "a serial session cannot open VNC")
            #expect(try gateway.upgrade("/v1/servers/lab-01/console/serial", cookie: id, origin: "https://evil.example") == 403)
            // A token is not a session: the old cookie-as-token is refused.
            #expect(try gateway.upgrade("/v1/servers/lab-01/console/serial", cookie: "alice-lab-01") == 401)

            // Who is connected (never the session ID).
            let list = try await gateway.request("GET", "/v1/servers/lab-01/sessions", headers: ["Authorization": "Bearer viewer-lab-01"])
            let sessions = try #require(list.json["sessions"] as? [[String: Any]])
            #expect(sessions.count == 1 && sessions.first?["subject"] as? String == "alice" && sessions.first?["id"] == nil)

            // Another user cannot end it; its creator can; then the cookie is refused everywhere.
            let endPath = "/v1/servers/lab-01/sessions/\(id)"
            #expect(try await gateway.request("DELETE", endPath, headers: ["Authorization": "Bearer bob-lab-01"]).status == 404)
            #expect(try await gateway.request("DELETE", endPath, headers: ["Authorization": "Bearer alice-lab-01"]).status == 204)
            let replay = try await gateway.request("GET", "/v1/servers/lab-01/power", headers: cookie)
            #expect(replay.status == 401 && replay.json["error"] as? String == "unauthenticated", "\(replay.json)")
            #expect(try gateway.upgrade("/v1/servers/lab-01/console/serial", cookie: id) == 401)
            #expect(try await gateway.request("DELETE", endPath, headers: ["Authorization": "Bearer alice-lab-01"]).status == 404)
        }
    }

    @Test func aSessionEndsWhenItsLeaseIsNotRenewedAndAtItsLifetimeCap() async throws {
        // A 3 s lease: long enough that both sessions still count when the third is asked for on a loaded machine.
        try await Self.run(session: ", leaseSeconds: 3, maxSessionsPerServer: 2") { gateway in
            let id = try await Self.openSession(gateway)
            let cookie = ["Cookie": "tether_session=\(id)", "Origin": Self.origin]
            #expect(try await gateway.request("GET", "/v1/servers/lab-01/power", headers: cookie).status == 200)
            _ = try await Self.openSession(gateway)
            let third = try await gateway.request(
                "POST", "/v1/servers/lab-01/sessions", headers: ["Authorization": "Bearer alice-lab-01"], body: #"{"type":"vnc"}"#)
            #expect(third.status == 429, "\(third.json)")
            // The expiry is the feature under test: wait out the 3 s lease (whole seconds, so up to 4 s).
            try await Task.sleep(for: .milliseconds(4100))
            #expect(try await gateway.request("GET", "/v1/servers/lab-01/power", headers: cookie).status == 401)
        }
    }

    @Test func onlyPluginsOnTheSameNodeMayAsk() async throws {
        let plugin = try SessionPlugin(config: .init(), context: PluginContext(
            node: "gateway", instance: "session", role: "t", bus: Bus(node: "gateway"), logger: .init(label: "t"),
            status: NodeStatus(), baseDirectory: URL(fileURLWithPath: "/")))
        let remote = Caller(from: Address(instance: "x", node: "agent-1"))
        await #expect(throws: SessionError.self) { _ = try await plugin.resolve(.init(id: String(repeating: "A", count: 22)), remote) }
        await #expect(throws: SessionError.self) { _ = try await plugin.list(.init(server: "lab-01"), remote) }
    }
}
