import Contracts
import Foundation
import LabTesting
import Testing

@testable import CLI

/// `-o json` of the read commands that need only the manager, against the README's schema.
@Suite(.serialized) struct CLIJSONOutputTests {
    func expectMatches(_ command: String, _ result: CLIBinary.Result, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(result.status == 0, "\(command): \(result.standardError)", sourceLocation: sourceLocation)
        let problems = try DocumentedSchema(command: command).problems(result.standardOutput)
        #expect(problems.isEmpty, "\(command): \(problems)\n\(result.standardOutput)", sourceLocation: sourceLocation)
    }

    @Test func whoamiAndServerListMatchTheDocumentedSchema() async throws {
        try await ControlPlane.with { plane in
            try await plane.login("oscar")
            try expectMatches("whoami", try await plane.tether(["whoami", "-o", "json"]))
            try expectMatches("whoami", try await plane.tether(["login", "--user", "vera", "--password-stdin", "-o", "json"], input: "vera-secret-1\n"))
            let list = try await plane.tether(["server", "list", "-o", "json"])
            try expectMatches("server list", list)
            #expect(list.standardOutput.contains(#""id" : "lab-01""#))
            // Filters: no server of another tenant or gateway.
            let none = try await plane.tether(["server", "list", "--tenant", "globex", "-o", "json"])
            try expectMatches("server list", none)
            #expect(!none.standardOutput.contains("lab-01"))
            let byGateway = try await plane.tether(["server", "list", "--gateway", ControlPlane.node, "-o", "json"])
            #expect(byGateway.standardOutput.contains("lab-01"))
            // --status asks the gateway; with no agent the server is unreachable.
            let unreachable = try await plane.tether(["server", "list", "--status", "unreachable", "-o", "json"])
            try expectMatches("server list", unreachable)
            #expect(unreachable.standardOutput.contains(#""status" : "unreachable""#))
        }
    }

    /// `server boot` needs a BMC that answers Get System Boot Options (ipmi_sim does not):
    /// its JSON is the contract's, printed by the same encoder.
    @Test func bootSettingMatchesTheDocumentedSchema() throws {
        let json = String(decoding: try OutputPrinter.jsonEncoder.encode(Boot.Setting(server: "lab-01", device: .pxe, persistent: false, uefi: true)), as: UTF8.self)
        #expect(try DocumentedSchema(command: "server boot").problems(json).isEmpty)
    }

    @Test func schemaCheckCatchesAnUndocumentedOrMissingKey() throws {
        let schema = try DocumentedSchema(command: "server power")
        #expect(schema.problems(#"{"server":"a","state":"on"}"#).isEmpty)
        #expect(schema.problems(#"{"server":"a"}"#) == ["missing key state"])
        #expect(schema.problems(#"{"server":"a","state":"on","extra":1}"#) == ["undocumented key extra (number)"])
        #expect(schema.problems(#"{"server":"a","state":true}"#) == [#"state is ["bool"] but documented string"#])
    }
}
