import Foundation
@testable import IPMISOL

/// Collects a console's inbound characters in the background.
actor ConsoleReader {
    private(set) var received: [UInt8] = []
    private(set) var failure: (any Error)?
    /// The inbound sequence ended (normally or with ``failure``).
    private(set) var finished = false
    private var task: Task<Void, Never>?

    init(_ console: SOLConsole) async {
        start(console.inbound)
    }

    private func start(_ inbound: SOLConsole.Inbound) {
        task = Task { [weak self] in
            do {
                for try await chunk in inbound {
                    await self?.append(chunk)
                }
            } catch {
                await self?.fail(error)
            }
            await self?.finish()
        }
    }

    private func append(_ chunk: [UInt8]) { received += chunk }
    private func fail(_ error: any Error) { failure = error }
    private func finish() { finished = true }

    var text: String { String(decoding: received, as: UTF8.self) }

    /// Waits (polling, bounded) until `predicate` holds for the received text.
    func wait(timeoutSeconds: Double = 5, until predicate: @Sendable (String) -> Bool) async throws {
        try await IPMISimulatorLab.waitUntil("console output", timeoutSeconds: timeoutSeconds) {
            predicate(await self.text)
        }
    }

    func stop() { task?.cancel() }
}
