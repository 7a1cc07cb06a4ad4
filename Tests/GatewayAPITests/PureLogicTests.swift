import Hummingbird
import Testing

@testable import GatewayAPI

/// The pure pieces: deadlines, credentials, origins, paths, control messages.
@Suite struct PureLogicTests {
    @Test func deadlinesExpireIdleAndExtend() {
        let start = ContinuousClock.now
        var deadlines = ConsoleDeadlines(leaseEnd: start + .seconds(10), idleTimeout: .seconds(4), now: start)
        #expect(deadlines.verdict(at: start) == .wait(.seconds(4)))
        #expect(deadlines.verdict(at: start + .seconds(4)) == .idle)
        deadlines.activity(at: start + .seconds(3))
        #expect(deadlines.verdict(at: start + .seconds(5)) == .wait(.seconds(2)))
        deadlines.activity(at: start + .seconds(9))
        #expect(deadlines.verdict(at: start + .seconds(10)) == .expired)
        deadlines.extendLease(to: start + .seconds(60))
        deadlines.extendLease(to: start + .seconds(20))
        #expect(deadlines.leaseEnd == start + .seconds(60))
        #expect(deadlines.verdict(at: start + .seconds(10)) == .wait(.seconds(3)))
    }

    @Test func credentialsAreFoundInOrder() throws {
        #expect(try Credential.find(in: [.authorization: "Bearer  abc "]) == .bearer("abc"))
        #expect(try Credential.find(in: [.authorization: "bearer abc", .cookie: "tether_session=x"]) == .bearer("abc"))
        #expect(try Credential.find(in: [.secWebSocketProtocol: "tether.console.v1, bearer.t0k.en"]) == .subprotocol("t0k.en"))
        #expect(try Credential.find(in: [.cookie: "a=b; tether_session=s3cret; c=d"]) == .cookie("s3cret"))
        #expect(try Credential.find(in: [.cookie: "tether_sessionx=1"]) == nil)
        #expect(throws: GatewayError.self) { try Credential.find(in: [.authorization: "Basic abc"]) }
        #expect(throws: GatewayError.self) { try Credential.find(in: [.authorization: "Bearer"]) }
        #expect(ConsoleSubprotocol.select(from: [.secWebSocketProtocol: "bearer.x, tether.console.v1"]) == "tether.console.v1")
        #expect(ConsoleSubprotocol.select(from: [.secWebSocketProtocol: "bearer.x"]) == "bearer.x")
        #expect(ConsoleSubprotocol.select(from: [:]) == nil)
    }

    @Test func originsMatchExactly() {
        let policy = OriginPolicy(allowedOrigins: ["https://Console.example", "http://127.0.0.1:8080"])
        #expect(policy.admits("https://console.example"))
        #expect(policy.admits("http://127.0.0.1:8080"))
        #expect(!policy.admits("https://console.example.evil"))
        #expect(!policy.admits("http://console.example"))
        #expect(!policy.admits("null"))
        #expect(policy.classify([]) == .nonBrowser)
        #expect(policy.classify(["ws://127.0.0.1", "wss://gateway"]) == .nonBrowser)
        #expect(policy.classify(["ws://127.0.0.1", "https://console.example"]) == .allowedPage)
        #expect(policy.classify(["https://console.example, https://evil.example"]) == .foreignPage("https://evil.example"))
        #expect(policy.classify(["null"]) == .foreignPage("null"))
        #expect(OriginPolicy.isWellFormed("https://a.example:8443"))
        for bad in ["*", "https://", "https://a.example/", "ftp://a.example", "a.example", "https://a.example/path"] {
            #expect(!OriginPolicy.isWellFormed(bad), "\(bad)")
        }
    }

    @Test func consolePathsAreParsedStrictly() throws {
        #expect(try ConsolePath.server(in: "/v1/servers/lab-01/console/serial") == "lab-01")
        #expect(try ConsolePath.server(in: "/v1/servers/lab-01/console/serial?x=1") == "lab-01")
        for bad in ["/v1/servers//console/serial", "/v1/servers/a/console/serial/", "/v2/servers/a/console/serial", "v1/servers/a/console/serial", ""] {
            #expect(throws: GatewayError.self, "\(bad)") { try ConsolePath.server(in: bad) }
        }
    }

    @Test func clientControlMessagesAreParsedStrictly() throws {
        #expect(try ConsoleClientMessage.parse(#"{"type":"refresh","token":"t"}"#) == .refresh(token: "t"))
        #expect(try ConsoleClientMessage.parse(#"{"type":"resize","cols":80}"#) == .resize)
        #expect(try ConsoleClientMessage.parse(#"{"type":"break"}"#) == .sendBreak)
        for bad in [#"{"type":"refresh"}"#, #"{"type":"refresh","token":1}"#, #"{"type":"refresh","token":"t","x":1}"#, #"{"token":"t"}"#, "[]", "{"] {
            #expect(throws: GatewayError.self, "\(bad)") { try ConsoleClientMessage.parse(bad) }
        }
        #expect(ConsoleServerMessage.state(.agentOffline).json == #"{"state":"agent-offline","type":"state"}"#)
        #expect(ConsoleServerMessage.state(.expired, reason: "r").json == #"{"reason":"r","state":"expired","type":"state"}"#)
        #expect(ConsoleServerMessage.lease(expiresAt: 5).json == #"{"expiresAt":5,"type":"lease"}"#)
    }

    @Test func closeReasonsFitAControlFrame() {
        let long = String(repeating: "é", count: 200)
        #expect(ConsoleEnd.fit(long).utf8.count <= 123)
        #expect(ConsoleEnd.fit("short") == "short")
        #expect(ConsoleEnd.refused(.notFound(long)).close.map { $0.reason.utf8.count <= 123 } == true)
    }

    @Test func busErrorsMapToStatuses() {
        #expect(GatewayError.status(forRemoteCode: "agent-offline") == .serviceUnavailable)
        #expect(GatewayError.status(forRemoteCode: "not-found") == .notFound)
        #expect(GatewayError.status(forRemoteCode: "unsupported") == .notImplemented)
        #expect(GatewayError.status(forRemoteCode: "denied") == .forbidden)
        #expect(GatewayError.status(forRemoteCode: "internal") == .badGateway)
    }
}
