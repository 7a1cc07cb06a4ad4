import Contracts
import Crypto
import Foundation
import Kernel
import KernelTesting
import Testing
@testable import GRPCLink

/// A listener that accepts enrolment tokens: which hellos go to `auth`, what it makes of
/// `auth`'s answers, and the audit records of admissions and refusals. `auth` is a stub here
/// (the real verifier is tested in AuthTests and, end to end, in EnrolmentTests).
@Suite(.serialized) struct EnrolmentAdmissionTests {
    static let plugins: [any Plugin.Type] = [GRPCLinkPlugin.self, EchoPlugin.self, StubEnrolmentAuthPlugin.self, AuditRelayPlugin.self]

    @Test func onlyJWTShapedTokensOfUnpinnedNodesGoToEnrolmentAndOnlyWhenItIsOn() {
        let admission = LinkAdmission(ownNode: "gw", acceptedTokens: ["shared"], nodeTokens: ["pinned": "own-token"], acceptsEnrolmentTokens: true)
        #expect(admission.decision(node: "agent-1", credential: "eyJh.eyJz.c2ln") == .verifyWithAuth)
        #expect(admission.decision(node: "agent-1", credential: "eyJh.eyJz.") == .verifyWithAuth, "alg none is for auth to name")
        #expect(admission.decision(node: "agent-1", credential: "shared") == .admit)
        // A pinned node may use its own token only.
        #expect(admission.decision(node: "pinned", credential: "eyJh.eyJz.c2ln") == .refuse("wrong token for node pinned"))
        // The name rules come before any token.
        #expect(admission.decision(node: "gw", credential: "eyJh.eyJz.c2ln") == .refuse("node gw claims the listener's own name"))
        #expect(admission.refusal(node: "a@b", credential: "eyJh.eyJz.c2ln")?.contains("is not 1-128 letters") == true)
        for notJWT in ["nope", "a.b", "a.b.c.d", ".b.c", "a..c", "a.b c.d", "a.b.c/", String(repeating: "A", count: 8200) + ".b.c"] {
            #expect(admission.refusal(node: "agent-1", credential: notJWT)?.hasPrefix("wrong token for node agent-1") == true, "\(notJWT.prefix(20))")
        }
        let off = LinkAdmission(ownNode: "gw", acceptedTokens: ["shared"], nodeTokens: [:])
        #expect(off.decision(node: "agent-1", credential: "eyJh.eyJz.c2ln") == .refuse("wrong token for node agent-1"))
    }

    @Test func aListenerWithOnlyEnrolmentTokensIsValidAndADiallerMayNotSetIt() throws {
        var config = GRPCLinkPlugin.Config()
        config.listen = HostPort(host: "127.0.0.1", port: 0)
        config.insecure = true
        #expect(throws: LinkConfigError.self) { try LinkSettings(config, node: "gw") { URL(fileURLWithPath: $0) } }
        config.acceptEnrolmentTokens = true
        let settings = try LinkSettings(config, node: "gw") { URL(fileURLWithPath: $0) }
        #expect(settings.admission.acceptsEnrolmentTokens)
        var dialler = GRPCLinkPlugin.Config()
        dialler.dial = HostPort(host: "127.0.0.1", port: 7443)
        dialler.token = "t"
        dialler.insecure = true
        dialler.acceptEnrolmentTokens = true
        #expect(throws: LinkConfigError.self) { try LinkSettings(dialler, node: "agent") { URL(fileURLWithPath: $0) } }
    }

    @Test func anEnrolmentTokenNeedsAnIdentityFileAndOnlyADiallerKeepsOne() throws {
        var dialler = GRPCLinkPlugin.Config()
        dialler.dial = HostPort(host: "127.0.0.1", port: 7443)
        dialler.insecure = true
        dialler.token = StubEnrolmentAuthPlugin.token(sub: "agent", aud: "gw", jti: "j1")
        #expect(throws: LinkConfigError.self, "an enrolment token would be spent with nowhere to keep the credential") {
            try LinkSettings(dialler, node: "agent") { URL(fileURLWithPath: $0) }
        }
        dialler.identityFile = "identity.json"
        let settings = try LinkSettings(dialler, node: "agent") { URL(fileURLWithPath: "/var/lib/tether").appendingPathComponent($0) }
        #expect(settings.identityFile == "/var/lib/tether/identity.json")
        // An enrolled agent needs no token any more; a static token needs no identity file.
        dialler.token = nil
        #expect(try LinkSettings(dialler, node: "agent") { URL(fileURLWithPath: $0) }.identityFile != nil)
        dialler.identityFile = nil
        #expect(throws: LinkConfigError.self) { try LinkSettings(dialler, node: "agent") { URL(fileURLWithPath: $0) } }
        dialler.token = "static"
        #expect(try LinkSettings(dialler, node: "agent") { URL(fileURLWithPath: $0) }.identityFile == nil)

        var listener = GRPCLinkPlugin.Config()
        listener.listen = HostPort(host: "127.0.0.1", port: 0)
        listener.insecure = true
        listener.acceptEnrolmentTokens = true
        listener.identityFile = "identity.json"
        #expect(throws: LinkConfigError.self) { try LinkSettings(listener, node: "gw") { URL(fileURLWithPath: $0) } }
    }

    @Test func aStoredCredentialIsPresentedWithAProofThatVerifiesForItsGatewayOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tether-keeper-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = AgentIdentityStore(path: folder.appendingPathComponent("id.json").path)
        let token = StubEnrolmentAuthPlugin.token(sub: "agent", aud: "gw", jti: "j1")
        let keeper = AgentIdentityKeeper(store: store, token: token, node: "agent")
        // Before enrolment: the token with a public key, the same key on every retry.
        let first = try keeper.presentation()
        #expect(first.credential == token && !first.publicKey.isEmpty && first.proof.isEmpty)
        #expect(try keeper.presentation().publicKey == first.publicKey)
        var ack = WireHello()
        ack.node = "gw"
        ack.issuedCredential = "e30.e30.c2ln"
        ack.issuedCredentialID = "cred-1"
        #expect(try keeper.keep(ack))
        // After: the credential with a proof by that key over node, gateway and time.
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let presented = try keeper.presentation(now: now)
        #expect(presented.credential == "e30.e30.c2ln" && presented.gateway == "gw" && presented.timestamp == 1_800_000_000 && presented.publicKey.isEmpty)
        let key = try P256.Signing.PublicKey(rawRepresentation: try #require(Base64URL.decode(first.publicKey)))
        let signature = try P256.Signing.ECDSASignature(rawRepresentation: try #require(Base64URL.decode(presented.proof)))
        #expect(key.isValidSignature(signature, for: Auth.AgentProof.message(node: "agent", gateway: "gw", timestamp: 1_800_000_000)))
        #expect(!key.isValidSignature(signature, for: Auth.AgentProof.message(node: "agent", gateway: "gw-other", timestamp: 1_800_000_000)))
        #expect(!key.isValidSignature(signature, for: Auth.AgentProof.message(node: "agent", gateway: "gw", timestamp: 1_800_000_001)))
        // Another node's file is not used; a static token is presented as is.
        #expect(try AgentIdentityKeeper(store: store, token: "static", node: "other").presentation() == HelloCredential(credential: "static"))
        // A corrupt file is a clear error, not a crash.
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: store.path))
        #expect(throws: AgentIdentityStore.Failure.self) { try keeper.presentation() }
    }

    @Test func theThrottleKeepsOneRecordPerKeyPerWindowAndCapsTheTotal() {
        var throttle = AuditThrottle(window: .seconds(60), limit: 3)
        let start = ContinuousClock.now
        #expect(throttle.admit("a", at: start) == (true, 0))
        #expect(throttle.admit("a", at: start + .seconds(1)) == (false, 0))
        #expect(throttle.admit("b", at: start + .seconds(2)) == (true, 1))
        #expect(throttle.admit("c", at: start + .seconds(3)) == (true, 0))
        // The cap: a scanner with ever new names records nothing more in this window.
        for index in 0..<1000 { #expect(throttle.admit("scan-\(index)", at: start + .seconds(4)).kept == false) }
        // A new window: "a" is recorded again, with the count of what was left out.
        #expect(throttle.admit("a", at: start + .seconds(61)) == (true, 1000))
    }

    static func hello(_ node: String, _ credential: String, publicKey: String = "") -> WireHello {
        var hello = WireHello()
        hello.node = node
        hello.credential = credential
        hello.publicKey = publicKey
        return hello
    }

    static let publicKey = Base64URL.encode(P256.Signing.PrivateKey().publicKey.rawRepresentation)

    @Test func theGatekeeperRedeemsOnlyWhatAuthVerifiedForThisNodeAndGatewayAndOnlyOnce() async throws {
        let yaml = "role: gateway\nplugins:\n  - use: auth\n"
        try await TestNode.run(yaml, plugins: Self.plugins, node: "gw-k") { node in
            let admission = LinkAdmission(ownNode: "gw-k", acceptedTokens: ["shared"], nodeTokens: [:], acceptsEnrolmentTokens: true)
            let gatekeeper = LinkGatekeeper(admission: admission, bus: node.bus, timeout: .seconds(5))
            #expect(try await gatekeeper.admit(Self.hello("agent-x", "shared"), source: "test") == .staticToken("shared"))
            let token = StubEnrolmentAuthPlugin.token(sub: "agent-x", aud: "gw-k", jti: "jti-gk-\(UUID())")
            guard case .enrolled(let credential, _) = try await gatekeeper.admit(Self.hello("agent-x", token, publicKey: Self.publicKey), source: "test") else {
                Issue.record("not enrolled")
                return
            }
            #expect(credential.node == "agent-x")
            // Once: the same token again is refused, whoever presents it.
            await #expect(throws: LinkRefusal("enrolment token already used: redeemed by node agent-x", enrolment: true)) {
                try await gatekeeper.admit(Self.hello("agent-x", token, publicKey: Self.publicKey), source: "test")
            }

            let fresh = { (sub: String, aud: String) in StubEnrolmentAuthPlugin.token(sub: sub, aud: aud, jti: "jti-\(UUID())") }
            let cases: [(node: String, token: String, key: String, refusal: LinkRefusal)] = [
                ("agent-y", fresh("agent-x", "gw-k"), Self.publicKey, LinkRefusal("enrolment token refused: wrong node: issued for node agent-x", enrolment: true)),
                ("agent-x", fresh("agent-x", "gw-other"), Self.publicKey, LinkRefusal("enrolment token refused: wrong audience: meant for gateway gw-other", enrolment: true)),
                ("agent-x", fresh("lie", "gw-k"), Self.publicKey, LinkRefusal("enrolment token refused: issued for node someone-else at gw-k", enrolment: true)),
                ("agent-x", fresh("agent-x", "gw-k"), "bm90LWEta2V5", LinkRefusal("the public key is not a P-256 key", enrolment: true)),
                ("agent-x", "wrong", Self.publicKey, LinkRefusal("wrong token for node agent-x (neither an accepted token nor an enrolment token)")),
            ]
            for refused in cases {
                await #expect(throws: refused.refusal, "\(refused.refusal.reason)") {
                    try await gatekeeper.admit(Self.hello(refused.node, refused.token, publicKey: refused.key), source: "test")
                }
            }
            // An enrolment token without the agent's key (an agent without identityFile) is never redeemed.
            do throws(LinkRefusal) {
                _ = try await gatekeeper.admit(Self.hello("agent-x", fresh("agent-x", "gw-k")), source: "test")
                Issue.record("an enrolment token without a key was admitted")
            } catch {
                #expect(error.enrolment && error.reason.contains("set identityFile"))
            }
            do throws(LinkRefusal) {
                _ = try await gatekeeper.admit(Self.hello("agent-x", fresh("down", "x"), publicKey: Self.publicKey), source: "test")
                Issue.record("a token that could not be checked was admitted")
            } catch {
                #expect(error.unverifiable && error.enrolment && error.reason.contains("cannot be checked now"))
            }
        }
        // Without an auth plugin, enrolment tokens cannot be checked: refused, never admitted.
        try await TestNode.run("role: gateway\nplugins: []\n", plugins: Self.plugins, node: "gw-n") { node in
            let admission = LinkAdmission(ownNode: "gw-n", acceptedTokens: [], nodeTokens: [:], acceptsEnrolmentTokens: true)
            do throws(LinkRefusal) {
                let token = StubEnrolmentAuthPlugin.token(sub: "agent-x", aud: "gw-n", jti: "jti-n")
                _ = try await LinkGatekeeper(admission: admission, bus: node.bus, timeout: .seconds(5))
                    .admit(Self.hello("agent-x", token, publicKey: Self.publicKey), source: "test")
                Issue.record("admitted without an auth plugin")
            } catch {
                #expect(error.unverifiable && error.reason.contains("runs no auth plugin"))
            }
        }
    }

    @Test func anAgentEnrolsOnceKeepsItsCredentialAndLinksWithItAfterwards() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tether-identity-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = FreePort.find()
        let listener = LinkManifests.listener(
            port: port, certificates: certificates, accepted: ["static-ok"], extraPlugins: ["echo", "auth", "routing"], acceptEnrolmentTokens: true)
        try await TestNode.run(listener, plugins: Self.plugins, node: "gw-en") { gateway in
            let identityFile = folder.appendingPathComponent("agent-en.json").path
            let jti = "jti-en-\(UUID())"
            let token = StubEnrolmentAuthPlugin.token(sub: "agent-en", aud: "gw-en", jti: jti)
            let enrolled = LinkManifests.dialler(port: port, certificates: certificates, token: token, identityFile: identityFile)
            try await TestNode.run(enrolled, plugins: Self.plugins, node: "agent-en") { _ in
                try await waitUntilLinked(gateway.bus, to: "agent-en")
                let reply = try await gateway.bus.ask(LinkTest.Echo(text: "enrolled"), to: .exactly(Address(instance: "echo", node: "agent-en")))
                #expect(reply.node == "agent-en")
            }
            // The agent keeps its key and the issued credential, readable by its user only.
            let attributes = try FileManager.default.attributesOfItem(atPath: identityFile)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let stored = try JSONDecoder().decode(StoredAgentIdentity.self, from: Data(contentsOf: URL(fileURLWithPath: identityFile)))
            #expect(stored.node == "agent-en" && stored.gateway == "gw-en" && stored.enrolmentTokenID == jti)
            #expect(stored.credentialID == "cred-agent-en-\(jti)" && stored.credential?.isEmpty == false)

            // Relinking presents the credential with a proof: the spent token is not redeemed again.
            try await TestNode.run(enrolled, plugins: Self.plugins, node: "agent-en") { _ in
                try await waitUntilLinked(gateway.bus, to: "agent-en")
            }
            #expect(StubEnrolmentAuthPlugin.redeemed.withLock { $0[jti] } == "agent-en")

            // What must be refused, with the reason in the audit: the spent token in another
            // agent's hands, the credential copied without its key, a wrong static token.
            let copied = folder.appendingPathComponent("copied.json").path
            var forged = stored
            forged.privateKey = Base64URL.encode(P256.Signing.PrivateKey().rawRepresentation)
            try JSONEncoder().encode(forged).write(to: URL(fileURLWithPath: copied))
            let refusals: [(node: String, manifest: String, action: String, reason: String)] = [
                ("agent-en", LinkManifests.dialler(port: port, certificates: certificates, token: token, identityFile: folder.appendingPathComponent("thief.json").path),
                 "agent.enrolment-refused", "enrolment token already used: redeemed by node agent-en"),
                ("agent-en", LinkManifests.dialler(port: port, certificates: certificates, token: token, identityFile: copied),
                 "agent.link-refused", "agent credential refused: bad proof"),
                ("agent-static", LinkManifests.dialler(port: port, certificates: certificates, token: "static-wrong"),
                 "agent.link-refused", "wrong token for node agent-static"),
            ]
            for refused in refusals {
                try await TestNode.run(refused.manifest, plugins: Self.plugins, node: NodeID(refused.node)) { _ in
                    let record = try #require(await AuditRelayPlugin.inbox.wait(on: "gw-en") { $0.actor == refused.node && $0.detail.contains(refused.reason) })
                    #expect(record.action == refused.action && record.outcome == .denied, "\(record.detail)")
                    #expect(gateway.bus.linkedNodes[NodeID(refused.node)] == nil)
                }
            }

            // A new enrolment token (the operator enrolled the agent again) wins over the stored
            // credential: a new key, redeemed once, kept.
            let again = "jti-again-\(UUID())"
            let renewed = LinkManifests.dialler(
                port: port, certificates: certificates, token: StubEnrolmentAuthPlugin.token(sub: "agent-en", aud: "gw-en", jti: again),
                identityFile: identityFile)
            try await TestNode.run(renewed, plugins: Self.plugins, node: "agent-en") { _ in
                try await waitUntilLinked(gateway.bus, to: "agent-en")
            }
            let restored = try JSONDecoder().decode(StoredAgentIdentity.self, from: Data(contentsOf: URL(fileURLWithPath: identityFile)))
            #expect(restored.enrolmentTokenID == again && restored.privateKey != stored.privateKey && restored.credentialID == "cred-agent-en-\(again)")

            // Revoked while linked: the listener cuts the link, and the reconnect is refused.
            try await TestNode.run(renewed, plugins: Self.plugins, node: "agent-en") { _ in
                try await waitUntilLinked(gateway.bus, to: "agent-en")
                StubEnrolmentAuthPlugin.revoked.withLock { _ = $0.insert("agent-en") }
                let cut = try #require(await AuditRelayPlugin.inbox.wait(on: "gw-en") { $0.action == "agent.link-cut" })
                #expect(cut.actor == "agent-en" && cut.detail.contains("revoked"))
                let record = try #require(await AuditRelayPlugin.inbox.wait(on: "gw-en") { $0.detail.contains("agent credential refused: revoked") })
                #expect(record.action == "agent.link-refused" && record.actor == "agent-en")
                #expect(gateway.bus.linkedNodes["agent-en"] == nil)
            }
            StubEnrolmentAuthPlugin.revoked.withLock { _ = $0.remove("agent-en") }
        }
    }
}
