import Synchronization

/// Set once the console went live (the gateway's `live` state or `hello`): a session that ends
/// badly after that was lost, not refused.
final class LiveFlag: Sendable {
    private let value = Atomic<Bool>(false)

    func set() { value.store(true, ordering: .releasing) }
    var isSet: Bool { value.load(ordering: .acquiring) }
}
