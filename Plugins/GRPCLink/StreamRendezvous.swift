import Kernel
import Synchronization

/// On the listening side, pairs a byte stream announced over Control with the Stream RPC
/// that carries it, whichever arrives first.
///
/// A stream is known by the connection it belongs to (the peer address of the TCP
/// connection, the same for the Control RPC and its Stream RPCs) and a random ID, so one
/// dialler can never claim another's stream.
final class StreamRendezvous: Sendable {
    struct Key: Hashable, Sendable {
        let connection: String
        let id: UInt64
    }

    private enum Entry {
        /// The local end is ready; `claimed` settles when a Stream RPC takes it.
        case offered(Result<Duplex, BusError>, claimed: OneShot<Void>)
        /// A Stream RPC came first and waits for the local end.
        case awaited(OneShot<Duplex>)
    }

    private let entries = Mutex<[Key: Entry]>([:])

    init() {}

    /// Makes a stream's local end (or the reason it has none) available to its Stream RPC.
    /// - Returns: settles with success when the Stream RPC took it, or with the reason it
    ///   never will (``fail(_:with:)``, ``closeAll(connection:with:)``).
    @discardableResult
    func offer(_ key: Key, _ local: Result<Duplex, BusError>) -> OneShot<Void> {
        let claimed = OneShot<Void>()
        let waiter: OneShot<Duplex>? = entries.withLock { entries in
            if case .awaited(let waiter) = entries[key] {
                entries[key] = nil
                return waiter
            }
            entries[key] = .offered(local, claimed: claimed)
            return nil
        }
        if let waiter {
            if waiter.resolve(local.mapError { $0 as any Error }) {
                claimed.resolve(.success(()))
            } else {
                // The Stream RPC gave up just now.
                settle(.offered(local, claimed: claimed), with: .remote(code: "link-stream", message: "the stream RPC gave up"))
            }
        }
        return claimed
    }

    /// Takes the local end of stream `key`, waiting at most `timeout` for it to be offered.
    func claim(_ key: Key, timeout: Duration) async throws -> Duplex {
        enum Found {
            case ready(Result<Duplex, BusError>, OneShot<Void>)
            case wait(OneShot<Duplex>)
            case duplicate
        }
        let found: Found = entries.withLock { entries in
            switch entries[key] {
            case .offered(let local, let claimed)?:
                entries[key] = nil
                return .ready(local, claimed)
            case .awaited?:
                return .duplicate
            case nil:
                let waiter = OneShot<Duplex>()
                entries[key] = .awaited(waiter)
                return .wait(waiter)
            }
        }
        switch found {
        case .ready(let local, let claimed):
            claimed.resolve(.success(()))
            return try local.get()
        case .duplicate:
            throw BusError.remote(code: "link-stream", message: "stream \(key.id) is already being carried")
        case .wait(let waiter):
            do {
                return try await waiter.wait(timeout: timeout) {
                    BusError.remote(code: "link-stream", message: "stream \(key.id) was never announced on this connection")
                }
            } catch {
                withdraw(key)
                throw error
            }
        }
    }

    /// Settles an offered stream with `error` (the dialler could not open it) and forgets it.
    func fail(_ key: Key, with error: BusError) {
        let entry = entries.withLock { $0.removeValue(forKey: key) }
        settle(entry, with: error)
    }

    /// Forgets stream `key` without settling anything (the opener gave up).
    func withdraw(_ key: Key) {
        _ = entries.withLock { $0.removeValue(forKey: key) }
    }

    /// Fails every stream of a connection that ended.
    func closeAll(connection: String, with error: BusError) {
        let removed = entries.withLock { entries in
            let keys = entries.keys.filter { $0.connection == connection }
            return keys.compactMap { entries.removeValue(forKey: $0) }
        }
        for entry in removed { settle(entry, with: error) }
    }

    private func settle(_ entry: Entry?, with error: BusError) {
        switch entry {
        case .offered(let local, let claimed)?:
            if case .success(let duplex) = local { duplex.close() }
            claimed.resolve(.failure(error))
        case .awaited(let waiter)?:
            waiter.resolve(.failure(error))
        case nil:
            break
        }
    }
}
