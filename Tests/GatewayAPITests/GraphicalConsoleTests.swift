import Contracts
import Foundation
import GatewayAPI
import GatewayTesting
import Hummingbird
import HummingbirdWSClient
import Kernel
import KernelTesting
import Logging
import NIOCore
import Testing

/// `GET /v1/servers/{id}/console/vnc`: the serial console's checks (origin, token in any of
/// its three places, the `vnc` action, routing) and a binary-only relay of raw RFB bytes.
@Suite(.timeLimit(.minutes(2)))
struct GraphicalConsoleTests {
    static func run<T: Sendable>(_ body: @Sendable (TestGateway) async throws -> T) async throws -> T {
        let port = FreePort.find()
        let yaml = """
            role: gateway
            plugins:
              - use: vnc-test-auth
              - {use: fake-vnc, as: fake-bmc}
              - use: test-router
              - use: gateway-api
                with: {listen: "127.0.0.1:\(port)", allowedOrigins: ["\(TestGateway.allowedOrigin)"]}
            """
        let plugins: [any Plugin.Type] = [VNCTestAuthPlugin.self, FakeVNCPlugin.self, TestRouterPlugin.self, GatewayAPIPlugin.self]
        return try await TestNode.run(yaml, plugins: plugins, node: "gateway") { _ in
            let gateway = TestGateway(port: port, scheme: "http")
            try await gateway.waitUntilServing()
            return try await body(gateway)
        }
    }

    @Test func relaysRawRFBBytesInBinaryFramesBothWays() async throws {
        try await Self.run { gateway in
            let payload = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            let close = try await Self.viewer(gateway, headers: ["Authorization": "Bearer vnc-lab-01", "Sec-WebSocket-Protocol": "binary"]) {
                inbound, outbound in
                var received: [UInt8] = []
                var iterator = inbound.makeAsyncIterator()
                while received.count < FakeVNCPlugin.greeting.count {
                    guard case .binary(let buffer)? = try await iterator.next() else { throw TestFailure("expected binary frames only") }
                    received += buffer.readableBytesView
                }
                #expect(received == FakeVNCPlugin.greeting)
                try await outbound.write(.binary(ByteBuffer(bytes: payload)))
                received = []
                while received.count < payload.count {
                    guard case .binary(let buffer)? = try await iterator.next() else { throw TestFailure("expected binary frames only") }
                    received += buffer.readableBytesView
                }
                #expect(received == payload)
            }
            #expect(close == nil || close?.closeCode == .normalClosure, "\(String(describing: close))")
        }
    }

    @Test func selectsBinaryBesideABearerSubprotocolAsNoVNCOffersIt() async throws {
        try await Self.run { gateway in
            let answer = try await RawConnection.run(port: gateway.port) { connection in
                try await connection.handshake("/v1/servers/lab-01/console/vnc", headers: [
                    "Origin": TestGateway.allowedOrigin, "Sec-WebSocket-Protocol": "binary, bearer.vnc-lab-01",
                ])
            }
            #expect(answer.status == 101)
            #expect(answer.headers["sec-websocket-protocol"] == "binary")
        }
    }

    @Test func refusesBeforeTheHandshakeWithTheSerialConsolesStatuses() async throws {
        try await Self.run { gateway in
            let cases: [(headers: [String: String], server: String, status: Int, code: String)] = [
                ([:], "lab-01", 401, "unauthenticated"),
                (["Authorization": "Bearer console-only-lab-01"], "lab-01", 403, "denied"),
                (["Authorization": "Bearer vnc-lab-01"], "lab-02", 403, "denied"),
                (["Authorization": "Bearer vnc-lab-01", "Origin": "https://evil.example"], "lab-01", 403, "denied"),
                (["Authorization": "Bearer vnc-nope"], "nope", 404, "not-found"),
            ]
            for refused in cases {
                let answer = try await RawConnection.run(port: gateway.port) { connection in
                    try await connection.refusal("/v1/servers/\(refused.server)/console/vnc", headers: refused.headers)
                }
                #expect(answer.status == refused.status, "\(refused)")
                #expect(String(decoding: answer.rest, as: UTF8.self).contains("\"error\":\"\(refused.code)\""), "\(refused)")
            }
        }
    }

    /// Read byte for byte on a raw connection: the refusal and the close follow the 101 at
    /// once, and a WebSocket client library that drops frames arriving with the upgrade
    /// answer made this flaky.
    @Test func anAgentSideFailureReachesTheViewerAsRFBThenACloseWithItsCode() async throws {
        try await Self.run { gateway in
            let received = try await RawConnection.run(port: gateway.port, limit: .seconds(20)) { connection in
                let head = try await connection.handshake("/v1/servers/lab-03/console/vnc", headers: ["Authorization": "Bearer vnc-lab-03"])
                #expect(head.status == 101)
                try await connection.read { bytes in
                    guard let end = RawResponse.headEnd(in: bytes) else { return false }
                    return WebSocketFrames.closeCode(in: Array(bytes[(end + 4)...])) != nil
                }
                return connection.afterHead
            }
            let frames = WebSocketFrames.serverFrames(in: received)
            let data = frames.prefix { $0.opcode != 8 }
            #expect(data.allSatisfy { $0.opcode == 2 }, "expected binary frames only: \(data.map(\.opcode))")
            #expect(data.flatMap(\.payload) == FakeVNCPlugin.refusal)
            let close = try #require(frames.first { $0.opcode == 8 })
            #expect(WebSocketFrames.closeCode(in: received) == 4000)
            #expect(String(decoding: close.payload.dropFirst(2), as: UTF8.self).hasPrefix("bmc-auth-failed: "), "\(close.payload)")
            // and the audit says so: the console was opened, then closed as failed with the BMC's reason
            let closed = await TestRouterPlugin.audit.wait(on: "gateway") { $0.action == "vnc.close" && $0.server == "lab-03" }
            #expect(closed?.outcome == .failed, "\(String(describing: closed))")
            #expect(closed?.detail.hasPrefix("bmc-auth-failed: ") == true, "\(String(describing: closed))")
        }
    }

    /// Connects a viewer to `server`'s graphical console and runs `script`; returns the close frame.
    static func viewer(
        _ gateway: TestGateway, server: String = "lab-01", headers: [String: String],
        _ script: @escaping @Sendable (WebSocketInboundMessageStream, WebSocketOutboundWriter) async throws -> Void
    ) async throws -> WebSocketCloseFrame? {
        var fields = HTTPFields()
        for (name, value) in headers {
            guard let field = HTTPFields.Element.Name(name) else { throw TestFailure("bad header name \(name)") }
            fields[field] = value
        }
        let configuration = WebSocketClientConfiguration(maxFrameSize: 1 << 20, additionalHeaders: fields, closeTimeout: .seconds(5))
        let url = "\(gateway.webSocketBase)/v1/servers/\(server)/console/vnc"
        return try await Deadline.run(.seconds(20)) {
            try await WebSocketClient.connect(url: url, configuration: configuration, logger: Logger(label: "test.vnc")) { inbound, outbound, _ in
                try await script(inbound.messages(maxSize: 1 << 22), outbound)
            }
        }
    }
}

/// Tokens for the graphical console: `vnc-<server>` may use it, `console-only-lab-01` may not.
struct VNCTestAuthPlugin: Plugin {
    static let id: PluginID = "vnc-test-auth"

    struct Unauthenticated: CodedError {
        var code: String { "unauthenticated" }
        var message: String { "the token is not valid" }
    }

    init(config: NoConfig, context: PluginContext) {}

    func routes(_ routes: inout Routes) {
        routes.answer(Auth.Verify.self) { request, _ in
            let hour = Int64(Date().timeIntervalSince1970) + 3600
            if request.token == "console-only-lab-01" {
                return .init(subject: "carl", tenant: "t1", server: "lab-01", actions: [.console, .view], expiresAt: hour)
            }
            guard request.token.hasPrefix("vnc-") else { throw Unauthenticated() }
            return .init(subject: "vic", tenant: "t1", server: String(request.token.dropFirst(4)), actions: [.vnc], expiresAt: hour)
        }
    }
}

/// A graphical console that greets with an RFB version and echoes; `lab-03` answers like a
/// BMC that rejected the agent's VNC password: an RFB refusal, then a coded stream failure.
struct FakeVNCPlugin: Plugin {
    static let id: PluginID = "fake-vnc"
    static let greeting = Array("RFB 003.008\n".utf8)
    static let refusal = Array("RFB 003.008\n".utf8) + [0]

    struct AuthFailed: CodedError {
        var code: String { "bmc-auth-failed" }
        var message: String { "the BMC of lab-03 rejected the VNC password" }
    }

    let name: PluginID

    init(config: NoConfig, context: PluginContext) { name = context.instance }

    func routes(_ routes: inout Routes) {
        let name = self.name
        routes.answer(Inventory.List.self) { _, _ in
            .init(servers: ["lab-01", "lab-03"].map { .init(id: $0, capabilities: [.vncTCP], managedBy: name.rawValue) })
        }
        routes.accept(GraphicalConsole.Attach.self) { request, duplex, _ in
            if request.server == "lab-03" {
                try await duplex.outbound.write(ByteBuffer(bytes: Self.refusal))
                duplex.outbound.fail(BusError.remote(code: "bmc-auth-failed", message: AuthFailed().message))
                return
            }
            try await duplex.outbound.write(ByteBuffer(bytes: Self.greeting))
            for try await buffer in duplex.inbound { try await duplex.outbound.write(buffer) }
            duplex.outbound.finish()
        }
    }
}
