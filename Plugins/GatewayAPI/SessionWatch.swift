import Contracts
import Kernel

/// Keeps a cookie session's lease alive while a console for it is open (the gateway renews
/// it DHCP-style on the browser's behalf), and reports when the session has ended: ended by
/// its holder, expired, or dropped by a restarted session plugin.
enum SessionWatch {
    /// How often the lease is renewed; a session ended elsewhere closes its consoles within this.
    static let interval = Duration.seconds(5)

    /// Returns once `session.refresh` says the session is gone; keeps going (and renewing)
    /// while the answer is yes or the session plugin is briefly unreachable.
    /// - Throws: `CancellationError` when the console ends first.
    static func untilEnded(_ id: String, bus: Bus, timeout: Duration) async throws {
        while true {
            try await Task.sleep(for: interval)
            do {
                _ = try await bus.ask(Session.Refresh(id: id), timeout: timeout)
            } catch BusError.remote("unauthenticated", _) {
                return
            } catch {
                continue
            }
        }
    }
}
