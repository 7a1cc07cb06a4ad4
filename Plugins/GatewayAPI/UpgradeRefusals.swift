import NIOCore
import Synchronization

/// Why a WebSocket upgrade was refused, per connection, until the refusal is written.
///
/// Hummingbird answers every refused upgrade with an empty 400; ``RefusedUpgradeWriter``
/// replaces that answer with the recorded status and JSON body.
final class UpgradeRefusals: Sendable {
    private let refusals = Mutex<[ObjectIdentifier: GatewayError]>([:])

    func record(_ refusal: GatewayError, for channel: any Channel) {
        let key = ObjectIdentifier(channel)
        refusals.withLock { $0[key] = refusal }
        channel.closeFuture.whenComplete { _ in _ = self.take(key) }
    }

    func take(for channel: any Channel) -> GatewayError? { take(ObjectIdentifier(channel)) }

    private func take(_ key: ObjectIdentifier) -> GatewayError? {
        refusals.withLock { $0.removeValue(forKey: key) }
    }

    var pending: Int { refusals.withLock { $0.count } }
}
