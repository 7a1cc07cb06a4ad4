import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Kernel
import KernelTesting
import Testing

@testable import Dashboard

/// The dashboard over HTTP against a stand-in manager: sign-in errors, the cookie's rules,
/// the Origin check, no token in any page, sign-out.
@Suite(.serialized) struct DashboardHTTPTests {
    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: String
    }

    final class NoRedirects: NSObject, URLSessionTaskDelegate {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }

    static let client: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }()

    static func run(_ body: @Sendable (Int) async throws -> Void) async throws {
        let port = FreePort.find()
        let yaml = """
            role: manager
            plugins:
              - use: fake-manager
              - use: dashboard
                with: {listen: "127.0.0.1:\(port)"}
            """
        try await TestNode.run(yaml, plugins: [FakeManagerPlugin.self, DashboardPlugin.self]) { _ in
            for _ in 0..<250 {
                if (try? await request(port, "/healthz"))?.status == 200 { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            try await body(port)
        }
    }

    static func request(_ port: Int, _ path: String, method: String = "GET", headers: [String: String] = [:], form: String? = nil) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!, timeoutInterval: 10)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let form {
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(form.utf8)
        }
        let (data, response) = try await client.data(for: request)
        let http = response as? HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http?.allHeaderFields ?? [:] { fields["\(name)".lowercased()] = "\(value)" }
        return Reply(status: http?.statusCode ?? 0, headers: fields, body: String(decoding: data, as: UTF8.self))
    }

    static func login(_ port: Int, _ form: String, origin: String? = nil) async throws -> Reply {
        try await request(port, "/login", method: "POST", headers: ["Origin": origin ?? "http://127.0.0.1:\(port)"], form: form)
    }

    @Test func aWrongPasswordShowsAnErrorAndSetsNoCookie() async throws {
        try await Self.run { port in
            let reply = try await Self.login(port, "username=tina&password=wrong")
            #expect(reply.status == 401)
            #expect(reply.body.contains("id=\"login-error\"") && reply.body.contains("Wrong user name or password."))
            #expect(reply.headers["set-cookie"] == nil)
            #expect(reply.headers["content-security-policy"]?.contains("script-src 'self'") == true)
        }
    }

    @Test func aForeignOriginCannotSignIn() async throws {
        let before = await FakeManagerPlugin.logins.value
        try await Self.run { port in
            let foreign = try await Self.login(port, "username=tina&password=right", origin: "http://evil.example")
            let none = try await Self.request(port, "/login", method: "POST", form: "username=tina&password=right")
            #expect(foreign.status == 403 && none.status == 403)
        }
        #expect(await FakeManagerPlugin.logins.value == before, "the manager was never asked")
    }

    @Test func aSessionCookieStandsForTheTokenUntilSignOut() async throws {
        try await Self.run { port in
            let signedIn = try await Self.login(port, "username=tina&password=right")
            #expect(signedIn.status == 303 && signedIn.headers["location"] == "/servers")
            let cookie = try #require(signedIn.headers["set-cookie"])
            #expect(cookie.hasPrefix("tether_dashboard=") && cookie.contains("; Path=/;") && cookie.contains("HttpOnly")
                && cookie.contains("Secure") && cookie.contains("SameSite=Strict") && cookie.contains("Max-Age="))
            #expect(!cookie.contains("login-token"), "the browser never holds the token")
            let pair = String(cookie.split(separator: ";")[0])
            let page = try await Self.request(port, "/servers", headers: ["Cookie": pair])
            #expect(page.status == 200 && page.body.contains("data-server=\"lab-01\"") && page.body.contains("tina"))
            #expect(!page.body.contains("login-token") && !page.body.contains("eyJ"))
            #expect(try await Self.request(port, "/servers", headers: ["Cookie": "tether_dashboard=forged-forged-forged-forged"]).headers["location"] == "/login")
            #expect(try await Self.request(port, "/logout", method: "POST", headers: ["Cookie": pair, "Origin": "http://evil.example"]).status == 403)
            let out = try await Self.request(port, "/logout", method: "POST", headers: ["Cookie": pair, "Origin": "http://127.0.0.1:\(port)"])
            #expect(out.status == 303 && out.headers["location"] == "/login" && out.headers["set-cookie"]?.contains("Max-Age=0") == true)
            let after = try await Self.request(port, "/servers", headers: ["Cookie": pair])
            #expect(after.status == 303 && after.headers["location"] == "/login")
        }
    }

    @Test func onlyAdministratorsGetASession() async throws {
        try await Self.run { port in
            let reply = try await Self.login(port, "username=vera&password=right")
            #expect(reply.status == 403 && reply.body.contains("superadmins and tenant administrators"))
            #expect(reply.headers["set-cookie"] == nil)
            #expect(try await Self.request(port, "/login/sso").status == 404, "no SSO without oidcRedirectURI")
        }
    }
}
