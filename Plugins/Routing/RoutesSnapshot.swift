import Contracts

/// The latest route list, published by `routing` after each change for the manager uplink.
actor RoutesSnapshot {
    private var entries: [Routing.Entry] = []

    func get() -> [Routing.Entry] { entries }
    func set(_ entries: [Routing.Entry]) { self.entries = entries }
}
