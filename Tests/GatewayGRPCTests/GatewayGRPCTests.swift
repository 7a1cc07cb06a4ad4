import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import GatewayTesting
import Testing
import TetherAPIProto

/// The gateway's gRPC API (`grpcListen`) against a gateway node with the test auth, router
/// and fake BMC plugins: the same checks as REST, and the serial console as a bidirectional
/// stream with its lease renewed over the stream.
@Suite struct GatewayGRPCTests {
    @Test func powerThroughGRPC() async throws {
        try await GRPCGateway.run { gateway in
            let set = try await gateway.client.setPower(.with { $0.server = "lab-01"; $0.action = .on }, metadata: GRPCGateway.bearer("admin-lab-01"))
            #expect(set.server == "lab-01" && set.action == .on)
            let status = try await gateway.client.getPower(.with { $0.server = "lab-01" }, metadata: GRPCGateway.bearer("admin-lab-01"))
            #expect(status.state == .on)
            let boot = try await gateway.client.setBoot(
                .with { $0.server = "lab-01"; $0.device = .pxe }, metadata: GRPCGateway.bearer("admin-lab-01"))
            #expect(boot.device == .pxe && !boot.persistent)
        }
    }

    @Test func aTokenForAnotherServerIsDenied() async throws {
        try await GRPCGateway.run { gateway in
            let error = try await Self.refusal { _ = try await gateway.client.getPower(.with { $0.server = "lab-01" }, metadata: GRPCGateway.bearer("admin-lab-02")) }
            #expect(error.code == .permissionDenied)
            #expect(error.message.contains("this token is for server lab-02, not lab-01"), "\(error.message)")
            #expect(GRPCStatusMapping.code(of: error) == "denied")
            let console = try await Self.refusal {
                try await ConsoleProbe.with(gateway, token: "admin-lab-02") { probe in _ = try await probe.next() }
            }
            #expect(console.code == .permissionDenied && console.message.contains("not lab-01"), "\(console)")
        }
    }

    @Test func aViewerCannotPower() async throws {
        try await GRPCGateway.run { gateway in
            let error = try await Self.refusal {
                _ = try await gateway.client.setPower(.with { $0.server = "lab-01"; $0.action = .off }, metadata: GRPCGateway.bearer("viewer-lab-01"))
            }
            #expect(error.code == .permissionDenied && error.message.contains("not power"), "\(error.message)")
            let status = try await gateway.client.getPower(.with { $0.server = "lab-01" }, metadata: GRPCGateway.bearer("viewer-lab-01"))
            #expect(status.state == .off)
        }
    }

    @Test func missingGarbageOrExpiredTokensAreUnauthenticated() async throws {
        try await GRPCGateway.run(auth: "{shortLivedSeconds: -5}") { gateway in
            for metadata: Metadata in [[:], GRPCGateway.bearer("garbage"), GRPCGateway.bearer("short-lab-01"), ["authorization": "Basic abc"]] {
                let error = try await Self.refusal { _ = try await gateway.client.getPower(.with { $0.server = "lab-01" }, metadata: metadata) }
                #expect(error.code == .unauthenticated, "\(metadata): \(error)")
            }
            let console = try await Self.refusal { try await ConsoleProbe.with(gateway, token: nil) { probe in _ = try await probe.next() } }
            #expect(console.code == .unauthenticated)
        }
    }

    @Test func consoleCarriesBytesBothWays() async throws {
        try await GRPCGateway.run { gateway in
            try await ConsoleProbe.with(gateway, token: "admin-lab-01") { probe in
                let before = try await probe.expectOutput(containing: "console of lab-01\r\n")
                guard case .hello(let hello)? = before.first?.kind else { throw TestFailure("the first message is not hello: \(before)") }
                #expect(hello.server == "lab-01" && hello.mode == .readWrite && !hello.sessionID.isEmpty)
                #expect(before.contains { if case .lease = $0.kind { true } else { false } })
                await probe.send(text: "ping-42")
                try await probe.expectOutput(containing: "ping-42")
                await probe.send(.break(.init()))
                let answer = try await probe.next()
                guard case .error(let error)? = answer?.kind else { throw TestFailure("no error for break: \(String(describing: answer))") }
                #expect(error.code == "unsupported")
                await probe.send(text: "!close")
                let end = try await probe.expectEnd()
                #expect(end.reason == .consoleClosed)
            }
        }
    }

    @Test func renewingOverTheStreamKeepsTheConsolePastItsLease() async throws {
        try await GRPCGateway.run(auth: "{shortLivedSeconds: 8}") { gateway in
            try await ConsoleProbe.with(gateway, token: "short-lab-01") { probe in
                let before = try await probe.expectOutput(containing: "console of lab-01")
                guard case .hello(let hello)? = before.first?.kind else { throw TestFailure("no hello: \(before)") }
                await probe.send(.renew(.with { $0.token = "admin-lab-01" }))
                let renewed = try await probe.next()
                guard case .lease(let lease)? = renewed?.kind else { throw TestFailure("no lease ack: \(String(describing: renewed))") }
                #expect(lease.expiresAt > hello.leaseExpiresAt + 60)
                // The first lease's end must pass for the test to mean anything.
                while Int64(Date().timeIntervalSince1970) <= hello.leaseExpiresAt + 1 { try await Task.sleep(for: .milliseconds(200)) }
                await probe.send(text: "still-here")
                try await probe.expectOutput(containing: "still-here")
            }
        }
    }

    @Test func aConsoleWithoutRenewalEndsWithLeaseExpired() async throws {
        try await GRPCGateway.run(auth: "{shortLivedSeconds: 8}") { gateway in
            try await ConsoleProbe.with(gateway, token: "short-lab-01") { probe in
                let end = try await probe.expectEnd(within: .seconds(20))
                #expect(end.reason == .leaseExpired, "\(end)")
                #expect(end.message.contains("lease expired"))
            }
        }
    }

    @Test func aRenewalForAnotherSubjectIsRefusedAndTheSessionGoesOn() async throws {
        try await GRPCGateway.run { gateway in
            try await ConsoleProbe.with(gateway, token: "admin-lab-01") { probe in
                try await probe.expectOutput(containing: "console of lab-01")
                await probe.send(.renew(.with { $0.token = "bob-lab-01" }))
                let answer = try await probe.next()
                guard case .error(let error)? = answer?.kind else { throw TestFailure("no error: \(String(describing: answer))") }
                #expect(error.code == "denied")
                await probe.send(text: "after")
                try await probe.expectOutput(containing: "after")
            }
        }
    }

    @Test func garbageAndOversizedMessagesFailOnlyTheirCall() async throws {
        try await GRPCGateway.run(["maxWebSocketFrameBytes: 1024"]) { gateway in
            // Not protobuf: a field tag with wire type 7 (invalid).
            let garbage = try await Self.refusal {
                _ = try await gateway.raw.unary(
                    request: ClientRequest(message: [0xFF, 0xFF, 0xFF, 0xFF, 0x0F], metadata: GRPCGateway.bearer("admin-lab-01")),
                    descriptor: Tether_V1_Gateway.Method.GetPower.descriptor, serializer: RawBytes(), deserializer: RawBytes(),
                    options: .defaults) { try $0.message }
            }
            #expect(garbage.code == .internalError || garbage.code == .invalidArgument || garbage.code == .unknown, "\(garbage)")
            try await ConsoleProbe.with(gateway, token: "admin-lab-01") { probe in
                try await probe.expectOutput(containing: "console of lab-01")
                await probe.send(.data(Data(repeating: 0x41, count: 64 * 1024)))
                do {
                    while try await probe.next() != nil {}
                    Issue.record("an oversized message did not fail the stream")
                } catch let error as RPCError {
                    // The transport resets the stream (the client sees unavailable) or answers with a status.
                    #expect([.resourceExhausted, .internalError, .unavailable].contains(error.code), "\(error)")
                }
            }
            // Everyone else is still served.
            let status = try await gateway.client.getPower(.with { $0.server = "lab-01" }, metadata: GRPCGateway.bearer("admin-lab-01"))
            #expect(status.server == "lab-01")
            try await ConsoleProbe.with(gateway, token: "admin-lab-01") { probe in try await probe.expectOutput(containing: "console of lab-01") }
        }
    }

    @Test func sessionsThroughGRPC() async throws {
        try await GRPCGateway.run { gateway in
            let viewer = try await Self.refusal {
                _ = try await gateway.client.createSession(.with { $0.server = "lab-01"; $0.kind = .serial }, metadata: GRPCGateway.bearer("viewer-lab-01"))
            }
            #expect(viewer.code == .permissionDenied)
            let renew = try await gateway.client.renewSession(.with { $0.server = "lab-01"; $0.id = "admin-lab-01" }, metadata: GRPCGateway.bearer("admin-lab-01"))
            #expect(renew.id == "admin-lab-01" && renew.expiresAt > Int64(Date().timeIntervalSince1970))
            let foreign = try await Self.refusal {
                _ = try await gateway.client.renewSession(.with { $0.server = "lab-01"; $0.id = "admin-lab-01" }, metadata: GRPCGateway.bearer("bob-lab-01"))
            }
            #expect(foreign.code == .notFound)
        }
    }

    /// The `RPCError` that `body` throws.
    static func refusal(_ body: () async throws -> Void) async throws -> RPCError {
        do {
            try await body()
        } catch let error as RPCError {
            return error
        }
        throw TestFailure("the call succeeded")
    }
}
