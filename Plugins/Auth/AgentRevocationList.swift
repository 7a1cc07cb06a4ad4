import Contracts
import Foundation
import Kernel
import Logging

/// A gateway's copy of the manager's agent revocation list (`verify` mode), fetched over the
/// bus: every `refreshInterval` by ``maintain()``, and before use when older than that. A
/// failed refresh keeps the last list (logged); with no list ever fetched, agents are refused
/// as `unavailable`, never admitted.
actor AgentRevocationList {
    typealias Fetch = @Sendable () async throws -> [String: Int64]

    private let refreshInterval: TimeInterval
    private let fetch: Fetch
    private let logger: Logger
    private let now: @Sendable () -> Date
    private var list: [String: Int64]?
    private var fetchedAt: Date?
    private var lastAttempt: Date?
    private var lastError = ""
    private var refreshing: Task<Void, Never>?

    init(refreshInterval: TimeInterval, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }, fetch: @escaping Fetch) {
        self.refreshInterval = refreshInterval
        self.fetch = fetch
        self.logger = logger
        self.now = now
    }

    /// A list that asks the manager's `auth` over `bus` (`.nearest`: the link to the manager).
    init(refreshInterval: TimeInterval, bus: Bus, logger: Logger) {
        self.init(refreshInterval: refreshInterval, logger: logger) {
            try await bus.ask(Contracts.Auth.AgentRevocations(), to: .nearest, timeout: .seconds(5))
        }
    }

    /// The list, refreshed first when it is older than the interval (at most one attempt per
    /// interval, so a manager that is down does not slow every link).
    func current() async throws(AuthError) -> [String: Int64] {
        let due = fetchedAt.map { now().timeIntervalSince($0) >= refreshInterval } ?? true
        let attempted = lastAttempt.map { now().timeIntervalSince($0) < refreshInterval } ?? false
        if due && (!attempted || list == nil) { await refresh() }
        guard let list else { throw .unavailable("the manager's revocation list cannot be fetched: \(lastError)") }
        return list
    }

    /// Fetches the list now (joining a fetch already running).
    func refresh() async {
        if let refreshing { return await refreshing.value }
        let task = Task { await self.fetchOnce() }
        refreshing = task
        await task.value
        refreshing = nil
    }

    /// Refreshes every interval until cancelled.
    func maintain() async {
        while !Task.isCancelled {
            await refresh()
            do {
                try await Task.sleep(for: .seconds(refreshInterval))
            } catch {
                return
            }
        }
    }

    private func fetchOnce() async {
        lastAttempt = now()
        do {
            list = try await fetch()
            fetchedAt = now()
        } catch {
            lastError = "\(error)"
            if list != nil {
                logger.warning("agent revocation list refresh failed; using the last one", metadata: ["error": "\(error)"])
            } else {
                logger.debug("agent revocation list not fetched yet", metadata: ["error": "\(error)"])
            }
        }
    }
}
