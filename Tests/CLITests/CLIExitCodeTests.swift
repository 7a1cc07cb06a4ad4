import Foundation
import KernelTesting
import LabTesting
import Testing

/// Each failure path of a server command, through the real `tether` binary against a real
/// manager and gateway: one line on standard error that says what to do, and its own exit code.
@Suite(.serialized) struct CLIExitCodeTests {
    /// One line, prefixed, carrying the hint.
    func expectOneLine(_ result: CLIBinary.Result, status: Int32, hint: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == status, "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.errorLines.count == 1, "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardError.hasPrefix("tether: "), sourceLocation: sourceLocation)
        #expect(result.standardError.contains(hint), "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardOutput.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func wrongServerIDExits4() async throws {
        try await ControlPlane.with { plane in
            try await plane.login("oscar")
            let result = try await plane.tether(["server", "power", "no-such-server"])
            expectOneLine(result, status: 4, hint: "tether server list")
        }
    }

    @Test func noPermissionExits6() async throws {
        try await ControlPlane.with { plane in
            try await plane.login("vera")
            let result = try await plane.tether(["server", "power", "lab-01", "on"])
            expectOneLine(result, status: 6, hint: "ask an admin")
            #expect(result.standardError.contains("power"))
        }
    }

    @Test func expiredLoginExits3() async throws {
        try await ControlPlane.with { plane in
            try await plane.login("oscar")
            // The stored login says it expired a minute ago: the CLI says so without asking anyone.
            var credentials = try JSONSerialization.jsonObject(with: Data(contentsOf: plane.credentialsFile)) as? [String: Any] ?? [:]
            credentials["expiresAt"] = Int(Date().timeIntervalSince1970) - 60
            try JSONSerialization.data(withJSONObject: credentials).write(to: plane.credentialsFile)
            let result = try await plane.tether(["server", "power", "lab-01"])
            expectOneLine(result, status: 3, hint: "run `tether login`")
            #expect(result.standardError.contains("expired"))
        }
    }

    @Test func loginTheManagerRefusesExits3() async throws {
        try await ControlPlane.with { plane in
            try await plane.login("oscar")
            // A token the manager no longer accepts (tampered signature), although not expired by its date.
            var credentials = try JSONSerialization.jsonObject(with: Data(contentsOf: plane.credentialsFile)) as? [String: Any] ?? [:]
            let token = try #require(credentials["token"] as? String)
            credentials["token"] = String(token.dropLast(4)) + (token.hasSuffix("AAAA") ? "BBBB" : "AAAA")
            try JSONSerialization.data(withJSONObject: credentials).write(to: plane.credentialsFile)
            let result = try await plane.tether(["server", "power", "lab-01"])
            expectOneLine(result, status: 3, hint: "run `tether login`")
        }
    }

    @Test func notLoggedInExits3() async throws {
        try await ControlPlane.with { plane in
            let result = try await plane.tether(["server", "power", "lab-01"])
            expectOneLine(result, status: 3, hint: "run `tether login`")
        }
    }

    @Test func gatewayDownExits5() async throws {
        try await ControlPlane.with { plane in
            try await plane.login("oscar")
            let closed = FreePort.find()
            let result = try await plane.tether(["server", "power", "lab-01"], extra: ["TETHER_GATEWAY": "http://127.0.0.1:\(closed)"])
            expectOneLine(result, status: 5, hint: "the gateway runs")
        }
    }

    @Test func managerDownExits5() async throws {
        try await ControlPlane.with { plane in
            try await plane.login("oscar")
            let closed = FreePort.find()
            let result = try await plane.tether(["server", "power", "lab-01"], extra: ["TETHER_MANAGER": "http://127.0.0.1:\(closed)"])
            expectOneLine(result, status: 5, hint: "TETHER_MANAGER")
        }
    }

    @Test func explicitTokenGoesToTheGatewayAsIs() async throws {
        try await ControlPlane.with { plane in
            // No login at all: TETHER_TOKEN is the session token; the gateway refuses this one.
            let result = try await plane.tether(["server", "power", "lab-01"], extra: ["TETHER_TOKEN": "not-a-token", "TETHER_GATEWAY": plane.gatewayURL])
            expectOneLine(result, status: 3, hint: "--token")
        }
    }

    @Test func helpDocumentsEveryExitCode() async throws {
        let result = try await CLIBinary.run(["server", "--help"], environment: [:])
        #expect(result.status == 0)
        let help = result.standardOutput.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ")
        for text in ["2 usage", "3 not logged in", "4 no such server", "5 manager", "6 denied"] {
            #expect(help.contains(text), "\(text) missing from server --help")
        }
    }
}
