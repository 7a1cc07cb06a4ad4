import Contracts

extension RedfishServer {
    /// Capabilities for `inventory.list` without making it wait on a slow BMC: a cache younger
    /// than `capabilityCacheSeconds`, else a detection awaited for at most `budget`. A slower
    /// detection goes on and fills the cache; meanwhile the answer is the stale cache or nil.
    func capabilities(within budget: Duration) async -> [Inventory.Capability]? {
        if let cached = cachedCapabilities, ContinuousClock.now - cached.at < .seconds(capabilityCacheSeconds) { return cached.value }
        // A detection that fails quickly (a BMC still starting, a reset connection) is tried
        // again while the budget lasts, half a second apart, rather than listing no capabilities.
        let deadline = ContinuousClock.now + budget
        while true {
            let refresh = capabilityRefresh ?? Task { try await self.detectCapabilities() }
            capabilityRefresh = refresh
            if let detected = await OneShot.value(of: refresh, within: deadline - ContinuousClock.now) { return detected }
            guard ContinuousClock.now + .milliseconds(500) < deadline, (try? await Task.sleep(for: .milliseconds(500))) != nil else { break }
        }
        return cachedCapabilities?.value
    }

    private func detectCapabilities() async throws -> [Inventory.Capability] {
        defer { capabilityRefresh = nil }
        let started = ContinuousClock.now
        do {
            let capabilities = try await details().capabilities
            logger.debug("capabilities detected", metadata: ["server": "\(name)", "after": "\(ContinuousClock.now - started)"])
            return capabilities
        } catch {
            logger.warning("capability detection failed", metadata: ["server": "\(name)", "error": "\(error)"])
            throw error
        }
    }
}
