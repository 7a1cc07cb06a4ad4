import Testing
@testable import IPMISOL

struct SessionStateMachineTests {
    typealias Action = RMCPPlusSession.Action

    static func machine(
        password: String = "password", policy: CipherSuitePolicy = .strongest, attempts: Int = 3
    ) -> RMCPPlusSession.StateMachine {
        RMCPPlusSession.StateMachine(configuration: .init(
            username: Array("admin".utf8), password: Array(password.utf8), bmcKey: nil, privilege: .administrator,
            cipherSuitePolicy: policy, attemptTimeout: .milliseconds(250), maximumAttempts: attempts,
            randomBytes: { count in (0..<count).map { UInt8(truncatingIfNeeded: $0 &+ 0x30) } }
        ))
    }

    static func sent(_ actions: [Action]) throws -> [UInt8] {
        try #require(actions.compactMap { if case .send(let bytes) = $0 { bytes } else { nil } }.last)
    }

    static func timer(_ actions: [Action]) throws -> UInt64 {
        try #require(actions.compactMap { if case .armTimer(let token, _) = $0 { token } else { nil } }.last)
    }

    /// Runs discovery and RAKP against the fake BMC; returns the actions of the last step.
    static func establish(_ session: inout RMCPPlusSession.StateMachine, _ bmc: inout FakeBMC) throws -> [Action] {
        var actions = session.handle(.start)
        actions = session.handle(.datagramReceived(try FakeBMC.sessionlessAnswer(
            to: sent(actions), data: [UInt8](hex: "00 01 97 04 03 000000 00")
        )))
        actions = session.handle(.datagramReceived(try FakeBMC.sessionlessAnswer(to: sent(actions), data: [0x00, 0x01] + bmc.offeredRecords)))
        actions = session.handle(.datagramReceived(try bmc.openSessionResponse(to: sent(actions))))
        actions = session.handle(.datagramReceived(try bmc.rakp2(to: sent(actions))))
        actions = session.handle(.datagramReceived(try bmc.rakp4(to: sent(actions))))
        let setPrivilege = try bmc.sessionRequest(sent(actions))
        #expect(setPrivilege.isEncrypted && setPrivilege.isAuthenticated)
        #expect(setPrivilege.payload[5] == 0x3B && setPrivilege.payload[6] == 0x04)
        return session.handle(.datagramReceived(try bmc.sessionAnswer(to: sent(actions), data: [0x00, 0x04])))
    }

    @Test func handshakeEstablishesSuite3AndAnswersRequests() throws {
        var session = Self.machine()
        var bmc = FakeBMC()
        let established = try Self.establish(&session, &bmc)
        guard case .established(let info) = established.first else {
            Issue.record("not established: \(established)")
            return
        }
        #expect(info.cipherSuite == .suite3)
        #expect(info.managedSystemSessionID == bmc.managedSessionID)

        let request = DeviceID.request
        let first = session.handle(.sendRequest(request))
        let firstPacket = try bmc.sessionRequest(Self.sent(first))
        // Timeout: the same request (same rqSeq) goes out with a new session sequence number.
        let retry = session.handle(.timerFired(token: try Self.timer(first)))
        let retryPacket = try bmc.sessionRequest(Self.sent(retry))
        #expect(retryPacket.sequenceNumber == firstPacket.sequenceNumber + 1)
        #expect(retryPacket.payload == firstPacket.payload)

        let answer = try bmc.sessionAnswer(to: Self.sent(retry), data: [0x00, 0x20, 0x01])
        let delivered = session.handle(.datagramReceived(answer))
        guard case .deliverResponse(let response, _) = delivered.first else {
            Issue.record("no response: \(delivered)")
            return
        }
        #expect(response.data == [0x20, 0x01])
        #expect(session.handle(.datagramReceived(answer)).isEmpty, "a replayed answer is dropped")
        #expect(session.handle(.datagramReceived([0x06, 0x00, 0xFF, 0x07, 0x06, 0xC0])).isEmpty, "garbage is dropped")
    }

    @Test func noAnswerFailsAfterTheConfiguredAttempts() throws {
        var session = Self.machine(attempts: 3)
        var actions = session.handle(.start)
        var sends = 1
        while let token = try? Self.timer(actions) {
            actions = session.handle(.timerFired(token: token))
            if actions.contains(where: { if case .send = $0 { true } else { false } }) { sends += 1 }
            if case .failed = actions.last { break }
        }
        #expect(sends == 3)
        #expect(actions.last == .failed(.bmcNotAnswering(step: "Get Channel Authentication Capabilities", seconds: 0.75)))
    }

    @Test func wrongPasswordIsDetectedAtRAKP2AndReportedToTheBMC() throws {
        var session = Self.machine(password: "wrong")
        var bmc = FakeBMC()
        var actions = session.handle(.start)
        actions = session.handle(.datagramReceived(try FakeBMC.sessionlessAnswer(to: Self.sent(actions), data: [UInt8](hex: "00 01 97 04 03 000000 00"))))
        actions = session.handle(.datagramReceived(try FakeBMC.sessionlessAnswer(to: Self.sent(actions), data: [0x00, 0x01] + bmc.offeredRecords)))
        actions = session.handle(.datagramReceived(try bmc.openSessionResponse(to: Self.sent(actions))))
        actions = session.handle(.datagramReceived(try bmc.rakp2(to: Self.sent(actions))))
        #expect(actions.last == .failed(.wrongPassword(username: "admin")))
        let refusal = try IPMI20SessionWrapper.decode(Self.sent(actions), security: .none)
        #expect(refusal.payloadType == .rakpMessage3 && refusal.payload[1] == 0x0F)
    }

    @Test func suite17IsTriedFirstAndRefusalFallsBackToSuite3() throws {
        var session = Self.machine()
        var bmc = FakeBMC()
        bmc.offeredRecords = [UInt8](hex: "c003014181 c011034481")
        var actions = session.handle(.start)
        actions = session.handle(.datagramReceived(try FakeBMC.sessionlessAnswer(to: Self.sent(actions), data: [UInt8](hex: "00 01 97 04 03 000000 00"))))
        actions = session.handle(.datagramReceived(try FakeBMC.sessionlessAnswer(to: Self.sent(actions), data: [0x00, 0x01] + bmc.offeredRecords)))
        let proposal17 = try IPMI20SessionWrapper.decode(Self.sent(actions), security: .none).payload
        #expect(proposal17[12] == 0x03 && proposal17[20] == 0x04 && proposal17[28] == 0x01)
        actions = session.handle(.datagramReceived(try bmc.openSessionResponse(to: Self.sent(actions), status: .invalidAuthenticationAlgorithm)))
        let proposal3 = try IPMI20SessionWrapper.decode(Self.sent(actions), security: .none).payload
        #expect(proposal3[12] == 0x01 && proposal3[20] == 0x01 && proposal3[28] == 0x01)
    }

    @Test func unacceptableOfferIsRefusedBeforeOpeningASession() throws {
        var session = Self.machine(policy: .only(.suite17))
        var actions = session.handle(.start)
        actions = session.handle(.datagramReceived(try FakeBMC.sessionlessAnswer(to: Self.sent(actions), data: [UInt8](hex: "00 01 97 04 03 000000 00"))))
        actions = session.handle(.datagramReceived(try FakeBMC.sessionlessAnswer(to: Self.sent(actions), data: [UInt8](hex: "00 01 c000004080 c003014181"))))
        #expect(actions.last == .failed(.unsupportedCipherSuite(offered: [0, 3], acceptable: [17])))
    }

    @Test func unknownUserIsDistinguishedFromMissingPrivilege() throws {
        var session = Self.machine()
        var bmc = FakeBMC()
        bmc.rakp2Status = .unauthorizedName
        var actions = session.handle(.start)
        actions = session.handle(.datagramReceived(try FakeBMC.sessionlessAnswer(to: Self.sent(actions), data: [UInt8](hex: "00 01 97 04 03 000000 00"))))
        actions = session.handle(.datagramReceived(try FakeBMC.sessionlessAnswer(to: Self.sent(actions), data: [0x00, 0x01] + bmc.offeredRecords)))
        actions = session.handle(.datagramReceived(try bmc.openSessionResponse(to: Self.sent(actions))))
        actions = session.handle(.datagramReceived(try bmc.rakp2(to: Self.sent(actions))))
        // Probe: a second Open Session, then RAKP 1 with name-only lookup.
        actions = session.handle(.datagramReceived(try bmc.openSessionResponse(to: Self.sent(actions))))
        let probe = try IPMI20SessionWrapper.decode(Self.sent(actions), security: .none).payload
        #expect(probe[24] == 0x14)
        actions = session.handle(.datagramReceived(try bmc.rakp2(to: Self.sent(actions))))
        #expect(actions.last == .failed(.unknownUser(username: "admin")))
    }
}
