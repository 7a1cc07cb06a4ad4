import Synchronization

/// The first reason a relay ended; later reasons (the other direction noticing the close) are
/// consequences and are ignored.
final class RFBSessionEnding: Sendable {
    enum Reason: Sendable {
        case viewerClosed
        case failed(RFBSessionError)
    }

    private let first = Mutex<Reason?>(nil)

    /// Records `reason` unless a reason is already recorded.
    func record(_ reason: Reason) {
        first.withLock { if $0 == nil { $0 = reason } }
    }

    var reason: Reason {
        first.withLock { $0 } ?? .viewerClosed
    }
}
