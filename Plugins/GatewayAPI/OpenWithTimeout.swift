import Kernel

/// Opens a stream within a time limit; a stream that arrives after the limit is closed.
enum OpenWithTimeout {
    static func run(timeout: Duration, _ open: @escaping @Sendable () async throws -> Duplex) async throws -> Duplex {
        try await withThrowingTaskGroup(of: Duplex?.self) { group in
            group.addTask {
                let duplex = try await open()
                if Task.isCancelled { duplex.close() }
                return duplex
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let duplex = first else {
                throw GatewayError.timeout("the console did not open within \(timeout.components.seconds) s (requestTimeoutSeconds); retry shortly")
            }
            return duplex
        }
    }
}
