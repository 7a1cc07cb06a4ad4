import Foundation
import Testing

/// The REST/JSON endpoints: permissions, error statuses and bodies, routing to the agent.
@Suite struct RESTTests {
    @Test func powerAndBootGoThroughToTheAgent() async throws {
        try await TestGateway.run { gateway in
            let before = try await gateway.request("GET", "/v1/servers/lab-01/power", token: "admin-lab-01")
            #expect(before.status == 200)
            #expect(before.text == #"{"server":"lab-01","state":"off"}"#)
            #expect(before.headers["content-type"]?.hasPrefix("application/json") == true)
            let set = try await gateway.request("POST", "/v1/servers/lab-01/power", token: "admin-lab-01", body: #"{"action": "cycle"}"#)
            #expect(set.status == 200)
            #expect(set.text == #"{"action":"cycle","server":"lab-01"}"#)
            #expect(try await gateway.request("GET", "/v1/servers/lab-01/power", token: "admin-lab-01").text.contains(#""state":"on""#))

            let boot = try await gateway.request("PUT", "/v1/servers/lab-01/boot", token: "admin-lab-01", body: #"{"device": "pxe", "uefi": true}"#)
            #expect(boot.status == 200)
            #expect(boot.text == #"{"device":"pxe","persistent":false,"server":"lab-01","uefi":true}"#)
            #expect(try await gateway.request("GET", "/v1/servers/lab-01/boot", token: "viewer-lab-01").text.contains(#""device":"pxe""#))
            let bmc = try await gateway.request("GET", "/v1/servers/lab-01/bmc", token: "viewer-lab-01")
            #expect(bmc.status == 200 && bmc.text.contains(#""product":"FakeBMC""#))
            let events = try await gateway.request("GET", "/v1/servers/lab-01/events", token: "viewer-lab-01")
            #expect(events.status == 200 && events.text.contains("Power on"))
            #expect(try await gateway.request("DELETE", "/v1/servers/lab-01/events", token: "admin-lab-01").status == 204)
            #expect(try await gateway.request("GET", "/v1/servers/lab-01/events", token: "admin-lab-01").text == #"{"entries":[]}"#)
        }
    }

    @Test func tokensAreScopedToOneServerAndTheirActions() async throws {
        try await TestGateway.run { gateway in
            let viewer = try await gateway.request("POST", "/v1/servers/lab-01/power", token: "viewer-lab-01", body: #"{"action":"off"}"#)
            #expect(viewer.status == 403)
            #expect(try viewer.error().error == "denied")
            #expect(try viewer.error().message.contains("not power"))
            #expect(try await gateway.request("DELETE", "/v1/servers/lab-01/events", token: "viewer-lab-01").status == 403)
            #expect(try await gateway.request("PUT", "/v1/servers/lab-01/boot", token: "viewer-lab-01", body: #"{"device":"pxe"}"#).status == 403)
            #expect(try await gateway.request("GET", "/v1/servers/lab-01/power", token: "viewer-lab-01").status == 200)

            let otherServer = try await gateway.request("GET", "/v1/servers/lab-02/power", token: "admin-lab-01")
            #expect(otherServer.status == 403)
            #expect(try otherServer.error().message.contains("lab-01, not lab-02"))
            #expect(try await gateway.request("POST", "/v1/servers/lab-02/power", token: "admin-lab-01", body: #"{"action":"off"}"#).status == 403)
            #expect(try await gateway.request("GET", "/v1/servers/lab-01/power", token: "login-token").status == 403)
            // The power of lab-01 was never touched by the refused requests.
            #expect(try await gateway.request("GET", "/v1/servers/lab-01/power", token: "admin-lab-01").text.contains(#""state":"off""#))
        }
    }

    @Test func missingOrInvalidTokensAre401() async throws {
        try await TestGateway.run { gateway in
            let missing = try await gateway.request("GET", "/v1/servers/lab-01/power")
            #expect(missing.status == 401)
            #expect(missing.headers["www-authenticate"] == "Bearer")
            #expect(try missing.error().error == "unauthenticated")
            let garbage = try await gateway.request("GET", "/v1/servers/lab-01/power", token: "garbage")
            #expect(garbage.status == 401)
            #expect(try garbage.error().message.contains("not valid"))
            let basic = try await gateway.request("GET", "/v1/servers/lab-01/power", headers: ["Authorization": "Basic YWxpY2U6c2VjcmV0"])
            #expect(basic.status == 401)
            #expect(try basic.error().message.contains("Bearer"))
            let long = try await gateway.request("GET", "/v1/servers/lab-01/power", token: String(repeating: "x", count: 9000))
            #expect(long.status == 401)
            // A refused caller did not hurt anyone else.
            #expect(try await gateway.request("GET", "/v1/servers/lab-01/power", token: "admin-lab-01").status == 200)
        }
    }

    @Test func originsAndCookiesFollowTheBrowserRules() async throws {
        try await TestGateway.run { gateway in
            let foreign = try await gateway.request("GET", "/v1/servers/lab-01/power", token: "admin-lab-01", headers: ["Origin": "https://evil.example"])
            #expect(foreign.status == 403)
            #expect(try foreign.error().message.contains("https://evil.example"))
            let allowed = try await gateway.request("GET", "/v1/servers/lab-01/power", token: "admin-lab-01", headers: ["Origin": TestGateway.allowedOrigin])
            #expect(allowed.status == 200)
            let cookie = ["Cookie": "theme=dark; tether_session=admin-lab-01"]
            let cookieWithoutOrigin = try await gateway.request("GET", "/v1/servers/lab-01/power", headers: cookie)
            #expect(cookieWithoutOrigin.status == 401)
            #expect(try cookieWithoutOrigin.error().message.contains("allowed origin"))
            let browser = try await gateway.request(
                "GET", "/v1/servers/lab-01/power", headers: cookie.merging(["Origin": TestGateway.allowedOrigin]) { $1 })
            #expect(browser.status == 200)
        }
    }

    @Test func routingFailuresHaveTheirStatuses() async throws {
        try await TestGateway.run(["requestTimeoutSeconds: 1"]) { gateway in
            let start = ContinuousClock.now
            let offline = try await gateway.request("GET", "/v1/servers/lab-09/power", token: "admin-lab-09")
            #expect(offline.status == 503)
            #expect(try offline.error().error == "agent-offline")
            #expect(ContinuousClock.now - start < .seconds(1))

            let unknown = try await gateway.request("GET", "/v1/servers/nope/power", token: "admin-nope")
            #expect(unknown.status == 404)
            #expect(try unknown.error().error == "not-found")

            let unsupported = try await gateway.request("GET", "/v1/servers/lab-03/events", token: "admin-lab-03")
            #expect(unsupported.status == 501)
            #expect(try unsupported.error() == WireError(error: "unsupported", message: "this BMC has no system event log"))

            let slow = try await gateway.request("GET", "/v1/servers/slow-01/bmc", token: "admin-slow-01")
            #expect(slow.status == 504)
            #expect(try slow.error().error == "timeout")
            #expect(try await gateway.request("GET", "/v1/servers/lab-01/power", token: "admin-lab-01").status == 200)
        }
    }

    @Test(arguments: [
        (#"{"action": "on""#, "not valid JSON"),
        (#"["on"]"#, "must be an object"),
        (#"{"action": "on", "force": true}"#, "unknown field \"force\""),
        (#"{"action": "explode"}"#, "\"explode\" is not one of on, off, cycle, reset, soft"),
        (#"{"action": 1}"#, "a number is not one of"),
        (#"{}"#, "missing field \"action\""),
        ("", "not valid JSON"),
    ])
    func badPowerBodiesAre400(body: String, message: String) async throws {
        try await TestGateway.run { gateway in
            let reply = try await gateway.request("POST", "/v1/servers/lab-01/power", token: "admin-lab-01", body: body)
            #expect(reply.status == 400)
            let error = try reply.error()
            #expect(error.error == "bad-request")
            #expect(error.message.contains(message), "\(error.message)")
            #expect(try await gateway.request("GET", "/v1/servers/lab-01/power", token: "admin-lab-01").text.contains(#""state":"off""#))
        }
    }

    @Test func badBootBodiesAre400() async throws {
        try await TestGateway.run { gateway in
            let wrongType = try await gateway.request("PUT", "/v1/servers/lab-01/boot", token: "admin-lab-01", body: #"{"device":"pxe","persistent":"yes"}"#)
            #expect(wrongType.status == 400)
            #expect(try wrongType.error().message.contains("persistent: must be true or false"))
            let device = try await gateway.request("PUT", "/v1/servers/lab-01/boot", token: "admin-lab-01", body: #"{"device":"floppy"}"#)
            #expect(device.status == 400)
        }
    }

    @Test func oversizedBodiesAre413AndTheServerGoesOn() async throws {
        try await TestGateway.run(["maxBodyBytes: 1024"]) { gateway in
            let padding = String(repeating: " ", count: 4000)
            let reply = try await gateway.request("POST", "/v1/servers/lab-01/power", token: "admin-lab-01", body: #"{"action": "on"\#(padding)}"#)
            #expect(reply.status == 413)
            #expect(try reply.error().error == "payload-too-large")
            #expect(try await gateway.request("POST", "/v1/servers/lab-01/power", token: "admin-lab-01", body: #"{"action":"on"}"#).status == 200)
        }
    }

    @Test func unknownEndpointsAndBadNamesAreClear() async throws {
        try await TestGateway.run { gateway in
            let unknown = try await gateway.request("GET", "/v1/servers/lab-01/reboot", token: "admin-lab-01")
            #expect(unknown.status == 404)
            #expect(try unknown.error().message.contains("/openapi.json"))
            let method = try await gateway.request("PATCH", "/v1/servers/lab-01/power", token: "admin-lab-01")
            #expect(method.status == 404)
            let longName = String(repeating: "a", count: 200)
            #expect(try await gateway.request("GET", "/v1/servers/\(longName)/power", token: "admin-lab-01").status == 400)
        }
    }

    @Test func healthAndTheOpenAPIDocumentNeedNoToken() async throws {
        try await TestGateway.run { gateway in
            let health = try await gateway.request("GET", "/healthz")
            #expect(health.status == 200 && health.text == #"{"status":"ok"}"#)
            let document = try await gateway.request("GET", "/openapi.json")
            #expect(document.status == 200)
            let object = try #require(try JSONSerialization.jsonObject(with: document.body) as? [String: Any])
            #expect(object["openapi"] as? String == "3.1.0")
            let paths = try #require(object["paths"] as? [String: [String: Any]])
            let routes: [(String, String)] = [
                ("/healthz", "get"), ("/openapi.json", "get"), ("/v1/servers/{id}/power", "get"), ("/v1/servers/{id}/power", "post"),
                ("/v1/servers/{id}/boot", "get"), ("/v1/servers/{id}/boot", "put"), ("/v1/servers/{id}/bmc", "get"),
                ("/v1/servers/{id}/capabilities", "get"),
                ("/v1/servers/{id}/events", "get"), ("/v1/servers/{id}/events", "delete"), ("/v1/servers/{id}/console/serial", "get"),
                ("/v1/servers/{id}/console/vnc", "get"), ("/v1/servers/{id}/sessions", "post"), ("/v1/servers/{id}/sessions", "get"),
                ("/v1/servers/{id}/sessions/{session}", "delete"), ("/v1/gateway", "get"),
            ]
            for (path, method) in routes {
                #expect(paths[path]?[method] != nil, "\(method.uppercased()) \(path) is not in /openapi.json")
            }
            #expect(paths.values.map { $0.keys.filter { $0 != "parameters" }.count }.reduce(0, +) == routes.count)
        }
    }
}
