import Foundation
import Kernel
import NIOCore
import Synchronization
import Testing

@testable import GRPCLink

/// The pure parts: frame codec, admission, tokens file, settings.
@Suite struct LinkUnitTests {
    @Test func envelopesRoundTripAndTheReceiverStampsThePeer() throws {
        let envelope = Envelope(
            kind: .ask, topic: "power.set", from: Address(instance: "session", node: "gateway-1"),
            to: .exactly(Address(instance: "ipmi", node: "agent-1")), correlation: 42, metadata: ["principal": "alice"],
            body: .json(ByteBuffer(string: #"{"on":true}"#)))
        var frame = try FrameCodec.frame(envelope)
        frame.from.node = "forged"
        let decoded = try FrameCodec.envelope(frame, from: "gateway-1")
        #expect(decoded.kind == .ask && decoded.topic == "power.set" && decoded.correlation == 42)
        #expect(decoded.from == Address(instance: "session", node: "gateway-1"))
        #expect(decoded.to == .exactly(Address(instance: "ipmi", node: "agent-1")))
        #expect(decoded.metadata == ["principal": "alice"])
        #expect(String(buffer: try decoded.body.encoded()) == #"{"on":true}"#)
        for destination in [Destination.nearest, .node("n1")] {
            var copy = envelope
            copy.to = destination
            #expect(try FrameCodec.envelope(try FrameCodec.frame(copy), from: "x").to == destination)
        }
    }

    @Test func malformedFramesThrowReadableErrors() throws {
        var frame = try FrameCodec.frame(Envelope(kind: .send, topic: "t", from: Address(instance: "a", node: "n"), to: .nearest, body: .json(ByteBuffer())))
        frame.kind = .hello
        #expect(throws: LinkProtocolError.self) { try FrameCodec.envelope(frame, from: "p") }
        frame.kind = .send
        frame.topic = ""
        #expect(throws: LinkProtocolError.self) { try FrameCodec.envelope(frame, from: "p") }
        frame.topic = "t"
        frame.to.node = ""
        #expect(throws: LinkProtocolError.self) { try FrameCodec.envelope(frame, from: "p") }
        frame.clearTo()
        do {
            _ = try FrameCodec.envelope(frame, from: "p")
            Issue.record("a frame without destination was accepted")
        } catch {
            #expect(error.description == "bad frame: send frame on t without a destination")
        }
    }

    @Test func admissionChecksNamesAndTokens() {
        let admission = LinkAdmission(ownNode: "gw", acceptedTokens: ["shared"], nodeTokens: ["pinned": "own-token"])
        #expect(admission.refusal(node: "agent-1", credential: "shared") == nil)
        #expect(admission.refusal(node: "pinned", credential: "own-token") == nil)
        #expect(admission.refusal(node: "pinned", credential: "shared") == "wrong token for node pinned")
        #expect(admission.refusal(node: "agent-1", credential: "nope")?.hasPrefix("unknown node agent-1") == true)
        #expect(admission.refusal(node: "gw", credential: "shared") == "node gw claims the listener's own name")
        #expect(admission.refusal(node: "a@b", credential: "shared")?.contains("is not 1-128 letters") == true)
        #expect(admission.refusal(node: "agent-1", credential: "") == "node agent-1 presented no token")
        let sharedOnly = LinkAdmission(ownNode: "gw", acceptedTokens: ["shared"], nodeTokens: [:])
        #expect(sharedOnly.refusal(node: "agent-1", credential: "nope") == "wrong token for node agent-1")
    }

    @Test func aConnectedNameIsRefusedToAnotherCredentialAndReplacedByTheSame() {
        let peers = ConnectedPeers()
        let closed = Mutex(false)
        #expect(peers.register("a", credential: "t1", connection: "c1", close: { _ in closed.withLock { $0 = true } }) == nil)
        #expect(peers.register("a", credential: "t2", connection: "c2", close: { _ in })?.contains("already connected") == true)
        #expect(peers.register("a", credential: "t1", connection: "c3", close: { _ in }) == nil)
        #expect(closed.withLock { $0 })
        peers.unregister("a", connection: "c1")
        #expect(peers.register("a", credential: "t2", connection: "c4", close: { _ in }) != nil)
        peers.unregister("a", connection: "c3")
        #expect(peers.register("a", credential: "t2", connection: "c5", close: { _ in }) == nil)
    }

    @Test func tokensFilesParseStrictly() throws {
        let tokens = try TokenFile.parse("# comment\n\nagent-1: abc\n  agent-2 :  d:e  \n", source: "f")
        #expect(tokens == ["agent-1": "abc", "agent-2": "d:e"])
        #expect(throws: LinkConfigError.self) { try TokenFile.parse("agent-1 abc", source: "f") }
        #expect(throws: LinkConfigError.self) { try TokenFile.parse("a: x\na: y", source: "f") }
        #expect(throws: LinkConfigError.self) { try TokenFile.parse("bad name: x", source: "f") }
    }

    @Test func settingsRefuseWhatCannotWork() throws {
        func settings(_ change: (inout GRPCLinkPlugin.Config) -> Void) throws -> LinkSettings {
            var config = GRPCLinkPlugin.Config()
            change(&config)
            return try LinkSettings(config, node: "n") { URL(fileURLWithPath: $0) }
        }
        func reason(_ change: (inout GRPCLinkPlugin.Config) -> Void) -> String? {
            do {
                _ = try settings(change)
                return nil
            } catch {
                return (error as? LinkConfigError)?.message ?? "\(error)"
            }
        }
        #expect(reason { _ in }?.contains("neither is set") == true)
        #expect(reason { $0.dial = "127.0.0.1:1"; $0.listen = "127.0.0.1:2" }?.contains("only one of dial and listen") == true)
        #expect(reason { $0.dial = "127.0.0.1:1" }?.contains("dial needs token") == true)
        #expect(reason { $0.dial = "127.0.0.1:1"; $0.token = "t"; $0.trustRoots = "/nonexistent/ca.pem" } == "trustRoots: cannot read /nonexistent/ca.pem")
        #expect(reason { $0.listen = "127.0.0.1:1"; $0.acceptedTokens = ["t"] }?.contains("listen needs certificate and privateKey") == true)
        #expect(reason { $0.listen = "127.0.0.1:1"; $0.insecure = true }?.contains("acceptedTokens or a tokensFile") == true)
        #expect(reason { $0.listen = "gateway.example:1"; $0.insecure = true; $0.acceptedTokens = ["t"] }?.contains("IP address") == true)
        #expect(reason { $0.dial = "127.0.0.1:1"; $0.token = "t"; $0.insecure = true; $0.trustRoots = "/etc/hostname" }?.contains("insecure: true turns TLS off") == true)
        #expect(reason { $0.dial = "127.0.0.1:1"; $0.token = "t"; $0.insecure = true; $0.keepaliveSeconds = 0 }?.contains("keepaliveSeconds") == true)
        let dial = try settings { $0.dial = "gateway.example:7443"; $0.token = "t" }
        guard case .dial(let target) = dial.mode else { Issue.record("expected dial"); return }
        #expect(target == "gateway.example:7443" && dial.keepalive == .seconds(15) && dial.reconnectMaximum == .seconds(10))
    }
}
