import Contracts
import Foundation
import Kernel
import Testing

/// `inventory.list` answers in time even when a BMC hangs, and a detection that finishes
/// later fills the cache.
@Suite(.timeLimit(.minutes(3))) struct InventoryTests {
    @Test func aHangingBMCDoesNotDelayTheInventory() async throws {
        let sushy = try SushyEmulator(password: "inventory-password")
        defer { sushy.stop() }
        let silent = try SilentListener()
        defer { silent.close() }
        let servers = [
            RedfishNode.server("node-1", url: sushy.url, password: sushy.password, certificate: sushy.certificate.certificate, systemId: "node-1"),
            RedfishNode.server("hangs", url: "https://127.0.0.1:\(silent.port)", password: "x-password", insecure: true),
        ]
        let bodyEnded = try await RedfishNode.run(servers: servers, extra: "requestTimeoutSeconds: 30, inventoryWaitSeconds: 5") { node in
            let started = ContinuousClock.now
            let inventory = try await ask(node, Inventory.List())
            let elapsed = ContinuousClock.now - started
            #expect(elapsed < .seconds(9), "took \(elapsed)")
            #expect(inventory.servers.map(\.id) == ["node-1", "hangs"])
            #expect(inventory.servers[0].capabilities == [.redfish, .power, .boot])
            #expect(inventory.servers[1].capabilities.isEmpty)
            return ContinuousClock.now
        }
        // Shutdown abandons the hanging login instead of waiting out its 30 s deadline.
        #expect(ContinuousClock.now - bodyEnded < .seconds(10))
    }
}
