import Foundation
import KernelTesting
import Testing

/// `tether check` and `tether run` as a user meets them: one-line errors, exit codes.
@Suite struct CheckCommandTests {
    func check(_ yaml: String) async throws -> TetherProcess.Result {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tether-check-\(UUID().uuidString).yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try await TetherProcess.run(["check", file.path])
    }

    @Test(arguments: [
        ("role: t\nplugins: [{use: metrics", "malformed YAML"),
        ("role: t\nplugins: [{use: metrics}, {use: metrics}]", "plugins[1].as: duplicate instance name \"metrics\""),
        ("role: t\nplugins: [{use: sesion}]", "plugins[0].use: unknown plugin \"sesion\"; known: "),
        ("role: t\nplugins: [{use: metrics, with: {listen: 5}}]", "plugins[0] (metrics).with.listen: invalid value"),
        ("role: t\nplugins: [{use: metrics, with: {listen: '127.0.0.1:99999'}}]", "\"99999\" is not a valid port"),
        ("role: t\nplugins: [{use: metrics, with: {lisen: x}}]", "plugins[0] (metrics).with.lisen: unknown key; allowed: listen"),
    ])
    func badManifestsExitTwoWithOneLine(yaml: String, expected: String) async throws {
        let result = try await check(yaml)
        #expect(result.status == 2)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "expected one line, got: \(result.standardError)")
        #expect(result.standardError.contains(expected), "\(result.standardError)")
    }

    @Test func aPluginOverItsRestartBudgetStopsTheProcessNonZero() async throws {
        // Occupy a port so the metrics plugin fails every start.
        let port = FreePort.find()
        let blocker = try await TetherProcess.start(["run", "-", "--node", "blocker"], yaml: """
            role: blocker
            plugins: [{use: metrics, with: {listen: "127.0.0.1:\(port)"}}]
            """)
        defer { blocker.terminate() }
        try await blocker.waitForLog("metrics listening", timeout: .seconds(30))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tether-budget-\(UUID().uuidString).yaml")
        try """
            role: t
            supervision: {intensity: 2, periodSeconds: 60, backoffInitialMilliseconds: 10}
            plugins: [{use: metrics, with: {listen: "127.0.0.1:\(port)"}}]
            """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await TetherProcess.run(["run", file.path], timeout: .seconds(60))
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.contains("restarts within 60 s"))
    }
}
