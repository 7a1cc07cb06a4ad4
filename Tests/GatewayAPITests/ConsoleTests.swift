import Foundation
import HummingbirdWSClient
import NIOWebSocket
import Testing

/// The WebSocket serial console: bytes both ways, control messages, lease, idle, agent loss.
@Suite struct ConsoleTests {
    @Test func consoleBytesRoundTripBothWays() async throws {
        try await TestGateway.run { gateway in
            let close = try await ConsoleClient.run(gateway) { session in
                try await session.read(until: "console of lab-01\r\n")
                try await session.send("hello\r")
                try await session.read(until: "hello\r")
                // 300 KiB in 30 messages comes back whole and in order.
                let payload = (0..<(300 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
                let start = session.bytes.count
                for chunk in stride(from: 0, to: payload.count, by: 10 * 1024) {
                    try await session.send(bytes: Array(payload[chunk..<min(chunk + 10 * 1024, payload.count)]))
                }
                try await session.readBytes(untilTotal: start + payload.count)
                #expect(Array(session.bytes[start...]) == payload)
            }
            #expect(close?.closeCode == .normalClosure)
        }
    }

    @Test func aBrowserAuthenticatesWithTheSubprotocolOrTheCookie() async throws {
        try await TestGateway.run { gateway in
            let origin = ["Origin": TestGateway.allowedOrigin]
            _ = try await ConsoleClient.run(
                gateway, token: nil, headers: origin.merging(["Sec-WebSocket-Protocol": "tether.console.v1, bearer.admin-lab-01"]) { $1 }
            ) { session in
                try await session.send("via subprotocol")
                try await session.read(until: "via subprotocol")
            }
            _ = try await ConsoleClient.run(gateway, token: nil, headers: origin.merging(["Cookie": "tether_session=admin-lab-01"]) { $1 }) { session in
                try await session.send("via cookie")
                try await session.read(until: "via cookie")
            }
        }
    }

    @Test func controlMessagesRefreshTheLeaseAndBadOnesGetErrors() async throws {
        try await TestGateway.run(auth: "{shortLivedSeconds: 600}") { gateway in
            _ = try await ConsoleClient.run(gateway, token: "short-lab-01") { session in
                let first = try #require(session.controls.last?.expiresAt)
                try await session.control(#"{"type":"refresh","token":"admin-lab-02"}"#)
                #expect(try await session.nextControl() == ControlMessage(type: "error", error: "denied", message: "this token is for server lab-02, not lab-01"))
                try await session.control(#"{"type":"refresh","token":"bob-lab-01"}"#)
                #expect(try await session.nextControl()?.error == "denied")
                try await session.control(#"{"type":"refresh","token":"garbage"}"#)
                #expect(try await session.nextControl()?.error == "unauthenticated")
                try await session.control("not json at all")
                #expect(try await session.nextControl()?.error == "bad-request")
                try await session.control(#"{"type":"explode"}"#)
                #expect(try await session.nextControl()?.message?.contains("unknown control message type") == true)
                try await session.control(#"{"type":"break"}"#)
                #expect(try await session.nextControl()?.error == "unsupported")
                try await session.control(#"{"type":"resize","cols":80,"rows":24}"#)
                try await session.control(#"{"type":"refresh","token":"admin-lab-01"}"#)
                let lease = try #require(try await session.nextControl())
                #expect(lease.type == "lease")
                #expect((lease.expiresAt ?? 0) > first + 600)
                // The session is still live after all that.
                try await session.send("still here")
                try await session.read(until: "still here")
            }
        }
    }

    @Test func anExpiredLeaseClosesWithAReason() async throws {
        try await TestGateway.run(auth: "{shortLivedSeconds: 4}") { gateway in
            let close = try await ConsoleClient.run(gateway, token: "short-lab-01") { session in
                #expect(try await session.nextControl() == ControlMessage(
                    type: "state", state: "expired", reason: "the session lease expired; refresh with a new token before it ends"))
                try await session.readToEnd()
            }
            #expect(close?.closeCode == WebSocketErrorCode(codeNumber: 4001))
            #expect(close?.reason?.contains("lease expired") == true)
        }
    }

    @Test func anIdleConsoleIsClosed() async throws {
        try await TestGateway.run(["sessionIdleTimeoutSeconds: 1"]) { gateway in
            let start = ContinuousClock.now
            let close = try await ConsoleClient.run(gateway) { session in try await session.readToEnd() }
            #expect(close?.closeCode == WebSocketErrorCode(codeNumber: 4008))
            #expect(close?.reason == "idle for 1 s (sessionIdleTimeoutSeconds)")
            #expect(ContinuousClock.now - start < .seconds(5))
        }
    }

    @Test func aDroppedAgentLinkIsReportedAsAgentOffline() async throws {
        try await TestGateway.run { gateway in
            let close = try await ConsoleClient.run(gateway) { session in
                try await session.send("!drop")
                let state = try await session.nextControl()
                #expect(state?.state == "agent-offline")
                #expect(state?.reason?.contains("agent-1") == true)
                try await session.readToEnd()
            }
            #expect(close?.closeCode == WebSocketErrorCode(codeNumber: 4503))
            let normal = try await ConsoleClient.run(gateway) { session in
                try await session.send("!close")
                try await session.readToEnd()
            }
            #expect(normal?.closeCode == .normalClosure)
            #expect(normal?.reason == "the console was closed on the BMC side")
        }
    }

    @Test func theSessionLimitPerServerIsEnforced() async throws {
        try await TestGateway.run(["maxConsoleSessionsPerServer: 1"]) { gateway in
            _ = try await ConsoleClient.run(gateway) { session in
                let refused = try await RawConnection.run(port: gateway.port) { raw in
                    try await raw.refusal("/v1/servers/lab-01/console/serial", headers: ["Authorization": "Bearer admin-lab-01"])
                }
                #expect(refused.status == 429)
                #expect(refused.error?.error == "too-many-sessions")
                // Another server is not affected, and this session still works.
                _ = try await ConsoleClient.run(gateway, server: "lab-02", token: "admin-lab-02") { _ in }
                try await session.send("mine")
                try await session.read(until: "mine")
            }
            // The slot is free again once the first session has closed.
            let deadline = ContinuousClock.now + .seconds(5)
            var reopened = false
            while !reopened, ContinuousClock.now < deadline {
                reopened = (try? await ConsoleClient.run(gateway) { _ in }) != nil
                if !reopened { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(reopened)
        }
    }
}
