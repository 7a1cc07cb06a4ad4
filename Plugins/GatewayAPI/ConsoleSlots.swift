import Synchronization

/// How many consoles are open per server through this gateway, against a limit.
final class ConsoleSlots: Sendable {
    private let open = Mutex<[String: Int]>([:])
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Takes a slot for `server`; false when all `limit` are taken.
    func acquire(_ server: String) -> Bool {
        open.withLock { open in
            let count = open[server, default: 0]
            guard count < limit else { return false }
            open[server] = count + 1
            return true
        }
    }

    func release(_ server: String) {
        open.withLock { open in
            let count = open[server, default: 0] - 1
            open[server] = count > 0 ? count : nil
        }
    }

    func count(_ server: String) -> Int { open.withLock { $0[server, default: 0] } }
}
