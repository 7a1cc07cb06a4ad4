import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Kernel
import KernelTesting
import Testing

@testable import WebUI

/// The pages without a browser: the viewer code is exchanged once for the cookie, pages need
/// the cookie of their own session, every answer carries the strict CSP, no page has inline
/// script or the token, writes need this origin, and missing assets are named at start-up.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: "/var/cache/tether-lab/xterm/xterm.bundle.js")
                && FileManager.default.fileExists(atPath: "/usr/share/novnc/core/rfb.js"), "needs the xterm.js bundle and novnc (Scripts/setup)"),
       .timeLimit(.minutes(1)))
struct WebUIPageTests {
    static let session = TestSessionPlugin.session

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
            role: gateway
            plugins:
              - use: test-session
              - use: webui
                with: {listen: "127.0.0.1:\(port)", gatewayURL: "https://gateway.example:8443"}
            """
        try await TestNode.run(yaml, plugins: [TestSessionPlugin.self, WebUIPlugin.self]) { _ in
            for _ in 0..<250 {
                if (try? await get(port, "/healthz"))?.status == 200 { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            try await body(port)
        }
    }

    static func get(_ port: Int, _ path: String, method: String = "GET", headers: [String: String] = [:], body: String? = nil) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!, timeoutInterval: 10)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body.utf8) }
        let (data, response) = try await client.data(for: request)
        let http = response as? HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http?.allHeaderFields ?? [:] { fields["\(name)".lowercased()] = "\(value)" }
        return Reply(status: http?.statusCode ?? 0, headers: fields, body: String(decoding: data, as: UTF8.self))
    }

    @Test func theViewerCodeIsExchangedOnceForAStrictCookie() async throws {
        try await Self.run { port in
            let redeemed = try await Self.get(port, "/view/\(Self.session)?code=good")
            #expect(redeemed.status == 303)
            #expect(redeemed.headers["location"] == "/view/\(Self.session)")
            #expect(redeemed.headers["set-cookie"] == "tether_session=\(Self.session); Path=/; HttpOnly; Secure; SameSite=Strict")
            let again = try await Self.get(port, "/view/\(Self.session)?code=good")
            #expect(again.status == 401 && again.headers["set-cookie"] == nil)
            #expect(again.body.contains("Session ended") && again.body.contains("unknown, ended or expired"), "an HTML page that says why")
        }
    }

    @Test func pagesNeedTheirOwnSessionCookieAndCarryNoInlineScriptOrSecret() async throws {
        try await Self.run { port in
            #expect(try await Self.get(port, "/view/\(Self.session)").status == 401)
            #expect(try await Self.get(port, "/view/\(Self.session)", headers: ["Cookie": "tether_session=other"]).status == 401)
            #expect(try await Self.get(port, "/view/gone", headers: ["Cookie": "tether_session=gone"]).status == 401)
            let cookie = ["Cookie": "theme=dark; tether_session=\(Self.session)"]
            for path in ["/view/\(Self.session)", "/view/\(Self.session)/server"] {
                let page = try await Self.get(port, path, headers: cookie)
                #expect(page.status == 200, "\(path)")
                let csp = page.headers["content-security-policy"] ?? ""
                #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe") && csp.contains("connect-src 'self' wss://gateway.example:8443"), "\(csp)")
                #expect(page.headers["referrer-policy"] == "no-referrer" && page.headers["x-frame-options"] == "DENY")
                #expect(!page.body.contains("the-secret-token"))
                let scripts = page.body.components(separatedBy: "<script").dropFirst()
                #expect(!scripts.isEmpty && scripts.allSatisfy { $0.hasPrefix(" src=") || $0.hasPrefix(" type=\"module\" src=") }, "no inline script")
                #expect(!page.body.contains(" style=") && !page.body.contains("<style"), "no inline style")
            }
            let script = try await Self.get(port, "/static/serial.js")
            #expect(script.status == 200 && script.headers["content-type"]?.hasPrefix("text/javascript") == true)
            #expect(try await Self.get(port, "/novnc/core/rfb.js").status == 200)
            #expect(try await Self.get(port, "/novnc/../../etc/passwd").status != 200)
            #expect(try await Self.get(port, "/xterm/xterm.bundle.js").status == 200)
        }
    }

    @Test func writesComeOnlyFromThisOriginAsJSON() async throws {
        try await Self.run { port in
            let path = "/view/\(Self.session)/api/renew"
            let cookie = "tether_session=\(Self.session)"
            let json = "application/json"
            #expect(try await Self.get(port, path, method: "POST", headers: ["Cookie": cookie, "Content-Type": json], body: "{}").status == 403)
            let foreign = ["Cookie": cookie, "Content-Type": json, "Origin": "https://evil.example"]
            #expect(try await Self.get(port, path, method: "POST", headers: foreign, body: "{}").status == 403)
            let form = ["Cookie": cookie, "Content-Type": "text/plain", "Origin": "http://127.0.0.1:\(port)"]
            #expect(try await Self.get(port, path, method: "POST", headers: form, body: "{}").status == 400)
            let own = ["Cookie": cookie, "Content-Type": json, "Origin": "http://127.0.0.1:\(port)"]
            let renewed = try await Self.get(port, path, method: "POST", headers: own, body: "{}")
            #expect(renewed.status == 200 && renewed.body.contains("expiresAt") && !renewed.body.contains("the-secret-token"))
        }
    }

    @Test func missingAssetsAreNamedWithTheRemedy() {
        do {
            _ = try WebAssets.load(xtermPath: URL(fileURLWithPath: "/nonexistent/xterm"), noVNCPath: URL(fileURLWithPath: "/usr/share/novnc"))
            Issue.record("loaded without xterm.js")
        } catch {
            #expect("\(error)".contains("/nonexistent/xterm/xterm.bundle.js") && "\(error)".contains("Scripts/setup"), "\(error)")
        }
        do {
            _ = try WebAssets.load(xtermPath: URL(fileURLWithPath: "/var/cache/tether-lab/xterm"), noVNCPath: URL(fileURLWithPath: "/nonexistent"))
            Issue.record("loaded without noVNC")
        } catch {
            #expect("\(error)".contains("apt-get install novnc"), "\(error)")
        }
    }

    @Test func theSampleLoadsAndBadSettingsAreRefused() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let registry = try PluginRegistry([WebUIPlugin.self])
        let sample = try String(contentsOf: root.appendingPathComponent("Plugins/WebUI/sample.yaml"), encoding: .utf8)
        _ = try await Role(yaml: sample, registry: registry, node: "check", baseDirectory: root, environment: [:]).check()
        for (with, expected) in [("{gatewayURL: \"https://g.example/api\"}", "gatewayURL"), ("{requestTimeoutSeconds: 0}", "requestTimeoutSeconds"),
                                 ("{assetsPath: x}", "unknown key")] {
            do {
                _ = try await Role(yaml: "role: t\nplugins: [{use: webui, with: \(with)}]", registry: registry, node: "check",
                                   baseDirectory: root, environment: [:]).check()
                Issue.record("\(with) was accepted")
            } catch {
                #expect("\(error)".contains(expected), "\(error)")
            }
        }
        let config = WebUIPlugin.Config()
        #expect(config.xtermPath == "/var/cache/tether-lab/xterm" && config.noVNCPath == "/usr/share/novnc" && config.requestTimeoutSeconds == 15)
    }
}
