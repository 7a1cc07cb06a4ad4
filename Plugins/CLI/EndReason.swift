import Synchronization

/// The first reason a console session gives for ending.
final class EndReason: Sendable {
    private let storage = Mutex<String?>(nil)

    func set(_ reason: String) { storage.withLock { if $0 == nil { $0 = reason } } }
    var value: String? { storage.withLock { $0 } }
}
