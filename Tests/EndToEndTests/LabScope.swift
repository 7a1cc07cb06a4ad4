import Testing

/// Starts one lab around a whole suite and hands it to its tests (`Lab.current`).
struct LabScope: SuiteTrait, TestScoping {
    let servers: Int

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let lab = try await Lab.up(servers: servers)
        do {
            try await Lab.$current.withValue(lab) { try await function() }
        } catch {
            await lab.down()
            throw error
        }
        await lab.down()
    }
}

extension Trait where Self == LabScope {
    /// A lab of `servers` virtual servers for the suite.
    static func lab(servers: Int) -> LabScope { LabScope(servers: servers) }
}

extension Lab {
    @TaskLocal static var current: Lab?

    struct Missing: Error, CustomStringConvertible {
        var description: String { "no lab: the suite needs the .lab(servers:) trait" }
    }

    static func required() throws -> Lab {
        guard let current else { throw Missing() }
        return current
    }
}
