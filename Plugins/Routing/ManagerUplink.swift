import Contracts
import Foundation
import Kernel
import Logging

/// The gateway's line to the manager: reports the inventory on every change and every
/// heartbeat, and delivers buffered audit events, to every linked node serving
/// `manager.report-inventory` (and this node when it serves it, as an all-in-one does).
/// Without a manager it only buffers; undelivered events are retried every `retry`.
actor ManagerUplink {
    private let bus: Bus
    private let heartbeat: Duration
    private let retry: Duration
    private let timeout: Duration
    private let logger: Logger
    private let inventory: @Sendable () async -> (entries: [Routing.Entry], versions: [NodeID: String])
    private var buffer: AuditBuffer
    private var changed = true
    private var lastReport: ContinuousClock.Instant?
    private let wake: AsyncStream<Void>.Continuation
    private let wakes: AsyncStream<Void>

    init(
        bus: Bus, heartbeat: Duration, retry: Duration, timeout: Duration, bufferCapacity: Int, logger: Logger,
        inventory: @escaping @Sendable () async -> (entries: [Routing.Entry], versions: [NodeID: String])
    ) {
        self.bus = bus
        self.heartbeat = heartbeat
        self.retry = retry
        self.timeout = timeout
        self.logger = logger
        self.inventory = inventory
        self.buffer = AuditBuffer(capacity: bufferCapacity)
        (wakes, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Buffers an event for the manager and tries to deliver it now.
    func record(_ event: AuditTrail.Event) {
        buffer.append(event)
        wake.yield()
    }

    /// The routes changed: report at once.
    func inventoryChanged() {
        changed = true
        wake.yield()
    }

    /// Until cancelled: one step per wake-up (a change, an event, or every `retry`).
    func run() async {
        let wake = self.wake
        let retry = self.retry
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: retry)
                wake.yield()
            }
        }
        defer { ticker.cancel() }
        for await _ in wakes {
            if Task.isCancelled { return }
            await step()
        }
    }

    /// Reports when changed or due, then delivers buffered events.
    func step() async {
        let managers = managerNodes()
        guard !managers.isEmpty else { return }
        let now = ContinuousClock.now
        if changed || lastReport.map({ now - $0 >= heartbeat }) ?? true {
            changed = false
            let (entries, versions) = await inventory()
            let report = ManagerInventory.Report(
                gateway: bus.node, heartbeatSeconds: Int(heartbeat.components.seconds),
                agents: InventoryReportBuilder.agents(from: entries, versions: versions))
            var failed = false
            for manager in managers {
                do {
                    _ = try await bus.ask(report, to: .node(manager), timeout: timeout)
                } catch {
                    failed = true
                    logger.warning("inventory report failed", metadata: ["routing.manager": "\(manager)", "error": "\(error)"])
                }
            }
            if failed { changed = true } else { lastReport = now }
        }
        await deliverAudit(to: managers[0])
    }

    private func deliverAudit(to manager: NodeID) async {
        while !buffer.isEmpty {
            let batch = buffer.batch(limit: 500, gateway: bus.node.rawValue, atMilliseconds: Int64(Date().timeIntervalSince1970 * 1000))
            do {
                _ = try await bus.ask(AuditTrail.Deliver(gateway: bus.node, events: batch.events), to: .node(manager), timeout: timeout)
                buffer.delivered(batch)
            } catch {
                logger.warning("audit delivery failed; kept for retry", metadata: [
                    "routing.manager": "\(manager)", "routing.buffered": "\(buffer.pending.count)", "error": "\(error)",
                ])
                return
            }
        }
    }

    /// The nodes to report to: this one when it serves the report, then linked ones that do.
    private func managerNodes() -> [NodeID] {
        let local: [NodeID] = bus.servedTopics.contains(ManagerInventory.Report.topic) ? [bus.node] : []
        let linked = bus.linkedNodes.filter { $0.value.contains(ManagerInventory.Report.topic) }.keys.sorted { $0.rawValue < $1.rawValue }
        return local + linked
    }

    /// Events waiting (for tests and metrics).
    var bufferedCount: Int { buffer.pending.count }
}
