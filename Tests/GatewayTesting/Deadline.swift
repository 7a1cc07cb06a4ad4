import Foundation

/// Runs `operation`, failing the test if it takes longer than `limit`.
package enum Deadline {
    package static func run<T: Sendable>(_ limit: Duration = .seconds(15), _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw TestFailure("did not finish within \(limit)")
            }
            return value
        }
    }
}
