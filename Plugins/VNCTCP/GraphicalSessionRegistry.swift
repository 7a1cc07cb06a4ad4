import RFB
import Synchronization

/// Per server: how many graphical sessions are open, and the BMC's last ServerInit.
public final class GraphicalSessionRegistry: Sendable {
    private struct State {
        var open: [String: Int] = [:]
        var serverInits: [String: RFBServerInit] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// Takes a session slot on `server`; `false` when `limit` are already open.
    func reserve(_ server: String, limit: Int) -> Bool {
        state.withLock { state in
            let open = state.open[server, default: 0]
            guard open < limit else { return false }
            state.open[server] = open + 1
            return true
        }
    }

    /// Gives back a slot taken by `reserve`.
    func release(_ server: String) {
        state.withLock { state in
            let remaining = state.open[server, default: 1] - 1
            state.open[server] = remaining > 0 ? remaining : nil
        }
    }

    /// Sessions open on `server`.
    public func openSessions(on server: String) -> Int {
        state.withLock { $0.open[server, default: 0] }
    }

    /// Caches the ServerInit of `server`'s BMC and returns the one it replaces.
    @discardableResult
    func remember(_ serverInit: RFBServerInit, for server: String) -> RFBServerInit? {
        state.withLock { $0.serverInits.updateValue(serverInit, forKey: server) }
    }

    /// The ServerInit the BMC of `server` sent at the latest login (framebuffer size, pixel
    /// format, desktop name), or `nil` before the first session.
    public func serverInit(of server: String) -> RFBServerInit? {
        state.withLock { $0.serverInits[server] }
    }
}
