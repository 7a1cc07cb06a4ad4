import Contracts
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
        #expect(admission.decision(node: "agent-1", credential: "eyJh.eyJz.c2ln") == .verifyEnrolment)
        #expect(admission.decision(node: "agent-1", credential: "eyJh.eyJz.") == .verifyEnrolment, "alg none is for auth to name")
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

    @Test func theGatekeeperAdmitsOnlyWhatAuthVerifiedForThisNodeAndGateway() async throws {
        let yaml = "role: gateway\nplugins:\n  - use: auth\n"
        try await TestNode.run(yaml, plugins: Self.plugins, node: "gw-k") { node in
            let admission = LinkAdmission(ownNode: "gw-k", acceptedTokens: ["shared"], nodeTokens: [:], acceptsEnrolmentTokens: true)
            let gatekeeper = LinkGatekeeper(admission: admission, bus: node.bus, timeout: .seconds(5))
            #expect(try await gatekeeper.admit(node: "agent-x", credential: "shared") == nil)
            let enrolment = try await gatekeeper.admit(node: "agent-x", credential: "e30.agent-x.gw-k")
            #expect(enrolment?.node == "agent-x" && enrolment?.gateway == "gw-k")

            let cases: [(node: String, token: String, refusal: LinkRefusal)] = [
                ("agent-y", "e30.agent-x.gw-k", LinkRefusal("enrolment token refused: wrong node: issued for node agent-x", enrolment: true)),
                ("agent-x", "e30.agent-x.gw-other", LinkRefusal("enrolment token refused: wrong audience: meant for gateway gw-other", enrolment: true)),
                ("agent-x", "e30.lie.gw-k", LinkRefusal("enrolment token refused: issued for node someone-else at gw-k", enrolment: true)),
                ("agent-x", "wrong", LinkRefusal("wrong token for node agent-x (neither an accepted token nor an enrolment token)")),
            ]
            for refused in cases {
                await #expect(throws: refused.refusal, "\(refused.token)") { try await gatekeeper.admit(node: refused.node, credential: refused.token) }
            }
            do throws(LinkRefusal) {
                _ = try await gatekeeper.admit(node: "agent-x", credential: "e30.down.x")
                Issue.record("a token that could not be checked was admitted")
            } catch {
                #expect(error.unverifiable && error.enrolment && error.reason.contains("cannot be checked now"))
            }
        }
        // Without an auth plugin, enrolment tokens cannot be checked: refused, never admitted.
        try await TestNode.run("role: gateway\nplugins: []\n", plugins: Self.plugins, node: "gw-n") { node in
            let admission = LinkAdmission(ownNode: "gw-n", acceptedTokens: [], nodeTokens: [:], acceptsEnrolmentTokens: true)
            do throws(LinkRefusal) {
                _ = try await LinkGatekeeper(admission: admission, bus: node.bus, timeout: .seconds(5)).admit(node: "agent-x", credential: "e30.agent-x.gw-n")
                Issue.record("admitted without an auth plugin")
            } catch {
                #expect(error.unverifiable && error.reason.contains("runs no auth plugin"))
            }
        }
    }

    @Test func aListenerLinksAnEnrolledNodeAuditsItOnceAndAuditsRefusalsWithTheReason() async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let port = FreePort.find()
        let listener = LinkManifests.listener(
            port: port, certificates: certificates, accepted: ["static-ok"], extraPlugins: ["echo", "auth", "routing"], acceptEnrolmentTokens: true)
        try await TestNode.run(listener, plugins: Self.plugins, node: "gw-en") { gateway in
            let enrolled = LinkManifests.dialler(port: port, certificates: certificates, token: "e30.agent-en.gw-en")
            try await TestNode.run(enrolled, plugins: Self.plugins, node: "agent-en") { _ in
                try await waitUntilLinked(gateway.bus, to: "agent-en")
                let reply = try await gateway.bus.ask(LinkTest.Echo(text: "enrolled"), to: .exactly(Address(instance: "echo", node: "agent-en")))
                #expect(reply.node == "agent-en")
            }
            let record = try #require(await AuditRelayPlugin.inbox.wait(on: "gw-en") { $0.action == "agent.enrolled" })
            #expect(record.actor == "agent-en" && record.outcome == .ok && record.detail.contains("jti-agent-en"))

            let refusals: [(node: String, token: String, action: String, reason: String)] = [
                ("agent-forged", "e30.agent-en.gw-en", "agent.enrolment-refused", "wrong node: issued for node agent-en"),
                ("agent-static", "static-wrong", "agent.link-refused", "wrong token for node agent-static"),
            ]
            for refused in refusals {
                let dialler = LinkManifests.dialler(port: port, certificates: certificates, token: refused.token)
                try await TestNode.run(dialler, plugins: Self.plugins, node: NodeID(refused.node)) { _ in
                    let record = try #require(await AuditRelayPlugin.inbox.wait(on: "gw-en") { $0.actor == refused.node })
                    #expect(record.action == refused.action && record.outcome == .denied && record.detail.contains(refused.reason))
                    #expect(gateway.bus.linkedNodes[NodeID(refused.node)] == nil)
                }
            }
            // The enrolled node relinking with the same token is no new enrolment.
            try await TestNode.run(enrolled, plugins: Self.plugins, node: "agent-en") { _ in
                try await waitUntilLinked(gateway.bus, to: "agent-en")
            }
            #expect(AuditRelayPlugin.inbox.items(on: "gw-en").filter { $0.action == "agent.enrolled" }.count == 1)
        }
    }
}
