import Contracts

extension RedfishServer {
    /// Capabilities for `inventory.list` without making it wait on a slow BMC: a cache younger
    /// than `capabilityCacheSeconds`, else a detection awaited for at most `budget`. A slower
    /// detection goes on and fills the cache; meanwhile the answer is the stale cache or nil.
    func capabilities(within budget: Duration) async -> [Inventory.Capability]? {
        if let cached = cachedCapabilities, ContinuousClock.now - cached.at < .seconds(capabilityCacheSeconds) { return cached.value }
        let refresh = capabilityRefresh ?? Task { try await self.detectCapabilities() }
        capabilityRefresh = refresh
        return await OneShot.value(of: refresh, within: budget) ?? cachedCapabilities?.value
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
