import Synchronization

/// The live state of every instance on this node, in manifest order; what `/ready` reports.
public final class NodeStatus: Sendable {
    private struct State {
        var order: [PluginID] = []
        var states: [PluginID: InstanceState] = [:]
        var restarts: [PluginID: Int] = [:]
        var waiters: [(id: UInt64, check: @Sendable ([PluginID: InstanceState]) -> Bool, continuation: CheckedContinuation<Void, Never>)] = []
        var nextWaiter: UInt64 = 0
    }

    private let state = Mutex(State())

    public init(instances: [PluginID] = []) {
        state.withLock { state in
            state.order = instances
            for instance in instances { state.states[instance] = .starting }
        }
    }

    /// Records a state change and wakes whoever waited for it.
    public func set(_ instance: PluginID, _ newState: InstanceState) {
        let ready: [CheckedContinuation<Void, Never>] = state.withLock { state in
            if state.states[instance] == nil { state.order.append(instance) }
            if case .restarting = newState { state.restarts[instance, default: 0] += 1 }
            state.states[instance] = newState
            let snapshot = state.states
            let done = state.waiters.filter { $0.check(snapshot) }
            state.waiters.removeAll { waiter in done.contains { $0.id == waiter.id } }
            return done.map(\.continuation)
        }
        for continuation in ready { continuation.resume() }
    }

    /// Each instance with its state, in manifest order.
    public var snapshot: [(instance: PluginID, state: InstanceState, restarts: Int)] {
        state.withLock { state in state.order.map { ($0, state.states[$0] ?? .starting, state.restarts[$0] ?? 0) } }
    }

    /// Whether every instance is running.
    public var isReady: Bool {
        state.withLock { state in state.order.allSatisfy { state.states[$0] == .running } }
    }

    /// Suspends until `condition` holds for the states (checked now and on every change).
    public func wait(until condition: @escaping @Sendable ([PluginID: InstanceState]) -> Bool) async {
        await withCheckedContinuation { continuation in
            let satisfied = state.withLock { state in
                if condition(state.states) { return true }
                state.nextWaiter += 1
                state.waiters.append((state.nextWaiter, condition, continuation))
                return false
            }
            if satisfied { continuation.resume() }
        }
    }

    /// Suspends until every listed instance is running.
    public func waitUntilReady() async {
        let order = state.withLock { $0.order }
        await wait { states in order.allSatisfy { states[$0] == .running } }
    }
}
