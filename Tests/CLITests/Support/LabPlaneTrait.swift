import LabTesting
import Testing

/// Starts the VM lab and a control plane with `ipmi-sol` on it (and the gateway's gRPC API) once for a whole suite
/// (`@Suite(LabPlaneTrait())`); tests read it from ``LabPlane/current``.
struct LabPlaneTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        // Once for the suite: its tests run inside this scope and read the task-local.
        guard testCase == nil, LabPlane.current == nil else { return try await function() }
        try await LabVM.with { lab in
            try await ControlPlane.with(bmc: .init(port: lab.ipmiPort, passwordFile: lab.ipmiPasswordFile), grpc: true, sessionLifetimeSeconds: LabPlane.leaseSeconds) { plane in
                try await LabPlane.$current.withValue(plane) { try await function() }
            }
        }
    }
}

enum LabPlane {
    @TaskLocal static var current: ControlPlane?
    /// The shortest session lifetime the manager allows, so a console outlives its first lease within a test.
    static let leaseSeconds = 30

    static func require() throws -> ControlPlane {
        guard let current else { throw CLITestError("the suite has no LabPlaneTrait") }
        return current
    }
}
