import Foundation
import KernelTesting
import Testing
@testable import IPMISOL

/// Each failure against ipmi_sim surfaces as its own error case, within the configured time.
@Suite(.serialized, .enabled(if: IPMISimulatorLab.isInstalled, "ipmi_sim is not installed (apt-get install openipmi)"))
struct ErrorPeerTests {
    static func connect(_ client: IPMIClient) async throws {
        try await client.connect()
    }

    func expectError(
        _ configuration: IPMIClient.Configuration, within limit: Duration = .seconds(3),
        _ body: (IPMIClient) async throws -> Void = ErrorPeerTests.connect
    ) async throws -> IPMIError {
        let client = try LabClient.make(configuration)
        let clock = ContinuousClock()
        let started = clock.now
        var caught: IPMIError?
        do {
            try await body(client)
        } catch let error as IPMIError {
            caught = error
        }
        let elapsed = clock.now - started
        await client.close()
        #expect(elapsed < limit, "took \(elapsed)")
        return try #require(caught)
    }

    @Test func wrongPassword() async throws {
        try await IPMISimulatorLab.with { lab in
            let error = try await expectError(LabClient.configuration(port: lab.port, password: "not-the-password"))
            #expect(error == .wrongPassword(username: "admin"))
            #expect("\(error)".contains("wrong password"))
        }
    }

    @Test func unknownUser() async throws {
        try await IPMISimulatorLab.with { lab in
            let error = try await expectError(LabClient.configuration(port: lab.port, username: "nobody"))
            #expect(error == .unknownUser(username: "nobody"))
        }
    }

    @Test func userLevelAccountCannotPowerOn() async throws {
        try await IPMISimulatorLab.with { lab in
            let error = try await expectError(
                LabClient.configuration(port: lab.port, username: "viewer", password: "viewpass", privilege: .user)
            ) { client in
                _ = try await client.chassisStatus()
                try await client.chassisControl(.powerOn)
            }
            guard case .insufficientPrivilege(let detail) = error else {
                Issue.record("expected insufficientPrivilege, got \(error)")
                return
            }
            #expect(detail.contains("0xD4"))
            #expect(!lab.power)
        }
    }

    @Test func userLevelAccountCannotOpenAdministratorSession() async throws {
        try await IPMISimulatorLab.with { lab in
            let error = try await expectError(
                LabClient.configuration(port: lab.port, username: "viewer", password: "viewpass", privilege: .administrator)
            )
            guard case .insufficientPrivilege = error else {
                Issue.record("expected insufficientPrivilege, got \(error)")
                return
            }
        }
    }

    @Test func policyDemandingSuite17IsRefused() async throws {
        try await IPMISimulatorLab.with { lab in
            let error = try await expectError(LabClient.configuration(port: lab.port, policy: .only(.suite17)))
            guard case .unsupportedCipherSuite(let offered, let acceptable) = error else {
                Issue.record("expected unsupportedCipherSuite, got \(error)")
                return
            }
            #expect(acceptable == [17])
            #expect(offered.contains(3) && !offered.contains(17))
        }
    }

    @Test func bmcNotAnsweringWithinTheConfiguredTimeout() async throws {
        let configuration = LabClient.configuration(port: FreePort.findUDP() /* nothing listens */, timeout: .milliseconds(800), attempts: 4)
        let error = try await expectError(configuration, within: .milliseconds(1500))
        guard case .bmcNotAnswering(let step, let seconds) = error else {
            Issue.record("expected bmcNotAnswering, got \(error)")
            return
        }
        #expect(step == "Get Channel Authentication Capabilities")
        #expect(seconds == 0.8)
    }
}
