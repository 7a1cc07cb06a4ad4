import Foundation
import Testing

/// Refused console upgrades answer with a status and a JSON body before any upgrade; broken
/// WebSocket traffic closes only the offending connection.
@Suite struct ConsoleAbuseTests {
    static let bearer = ["Authorization": "Bearer admin-lab-01"]

    @Test(arguments: [
        ("lab-01", ["Authorization": "Bearer admin-lab-01", "Origin": "https://evil.example"], 403, "denied"),
        ("lab-01", ["Authorization": "Bearer viewer-lab-01"], 403, "denied"),
        ("lab-02", ["Authorization": "Bearer admin-lab-01"], 403, "denied"),
        ("lab-01", [:], 401, "unauthenticated"),
        ("lab-01", ["Authorization": "Bearer garbage"], 401, "unauthenticated"),
        ("lab-01", ["Cookie": "tether_session=admin-lab-01"], 401, "unauthenticated"),
        ("nope", ["Authorization": "Bearer admin-nope"], 404, "not-found"),
        ("lab-09", ["Authorization": "Bearer admin-lab-09"], 503, "agent-offline"),
    ])
    func refusedUpgradesAnswerBeforeUpgrading(server: String, headers: [String: String], status: Int, code: String) async throws {
        try await TestGateway.run { gateway in
            let start = ContinuousClock.now
            let response = try await RawConnection.run(port: gateway.port) { raw in
                try await raw.refusal("/v1/servers/\(server)/console/serial", headers: headers)
            }
            #expect(response.status == status)
            #expect(response.error?.error == code, "\(String(decoding: response.rest, as: UTF8.self))")
            #expect(response.headers["content-type"]?.hasPrefix("application/json") == true)
            #expect(ContinuousClock.now - start < .seconds(2))
            try await Self.anotherClientStillWorks(gateway)
        }
    }

    @Test func aWebSocketToAnUnknownPathIs404() async throws {
        try await TestGateway.run { gateway in
            let response = try await RawConnection.run(port: gateway.port) { raw in
                try await raw.refusal("/v1/servers/lab-01/console/vga", headers: Self.bearer)
            }
            #expect(response.status == 404)
            #expect(response.error?.message.contains("/v1/servers/{id}/console/serial") == true)
        }
    }

    @Test(arguments: [
        ("reserved opcode", WebSocketFrames.masked(opcode: 0x3, payload: [1, 2, 3]), [1002]),
        ("invalid UTF-8 text", WebSocketFrames.masked(opcode: 0x1, payload: [0xC3, 0x28]), [1007]),
        ("fragmented ping", WebSocketFrames.masked(opcode: 0x9, payload: [], fin: false), [1002]),
        ("noise", [UInt8](repeating: 0xFF, count: 64), [1002, 1009]),
    ])
    func garbageFramesCloseOnlyTheirConnection(name: String, garbage: [UInt8], codes: [Int]) async throws {
        try await TestGateway.run(["maxWebSocketFrameBytes: 4096"]) { gateway in
            let (status, code) = try await RawConnection.run(port: gateway.port) { raw -> (Int, Int?) in
                let response = try await raw.handshake("/v1/servers/lab-01/console/serial", headers: Self.bearer)
                try await raw.send(garbage)
                try await raw.readToEnd()
                return (response.status, WebSocketFrames.closeCode(in: raw.afterHead))
            }
            #expect(status == 101)
            #expect(code.map(codes.contains) == true, "\(name): close code \(String(describing: code))")
            try await Self.anotherClientStillWorks(gateway)
        }
    }

    @Test func anOversizedFrameClosesWith1009() async throws {
        try await TestGateway.run(["maxWebSocketFrameBytes: 4096"]) { gateway in
            let code = try await RawConnection.run(port: gateway.port) { raw -> Int? in
                _ = try await raw.handshake("/v1/servers/lab-01/console/serial", headers: Self.bearer)
                // Only the header of a 10 000-byte frame: the server refuses it on the length alone.
                try await raw.send(Array(WebSocketFrames.masked(opcode: 0x2, payload: [UInt8](repeating: 0x41, count: 10_000)).prefix(8)))
                try await raw.readToEnd()
                return WebSocketFrames.closeCode(in: raw.afterHead)
            }
            #expect(code == 1009)
            try await Self.anotherClientStillWorks(gateway)
        }
    }

    static func anotherClientStillWorks(_ gateway: TestGateway) async throws {
        _ = try await ConsoleClient.run(gateway) { session in
            try await session.send("ping")
            try await session.read(until: "ping")
        }
        #expect(try await gateway.request("GET", "/v1/servers/lab-01/power", token: "admin-lab-01").status == 200)
    }
}
