import Contracts
import Kernel

/// The latest route list and the agents' versions, published by `routing` after each change
/// for the manager uplink.
actor RoutesSnapshot {
    private var entries: [Routing.Entry] = []
    private var versions: [NodeID: String] = [:]

    func get() -> (entries: [Routing.Entry], versions: [NodeID: String]) { (entries, versions) }

    func set(_ entries: [Routing.Entry], versions: [NodeID: String]) {
        self.entries = entries
        self.versions = versions
    }
}
