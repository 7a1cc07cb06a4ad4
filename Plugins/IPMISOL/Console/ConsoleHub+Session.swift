import Kernel

extension ConsoleHub {
    /// Reconnect delays after the SOL session dies.
    static let reconnectInitial = Duration.milliseconds(250)
    static let reconnectMaximum = Duration.seconds(30)

    /// Copies console output into the log; when the session dies, reopens it with backoff.
    func keepSession(_ first: SOLConsole) async {
        var console = first
        var backoff = Backoff(initial: Self.reconnectInitial, maximum: Self.reconnectMaximum)
        while true {
            let reason = await record(console)
            guard !isStopped else { return }
            session = .reconnecting
            logger.warning("sol session lost; reconnecting", metadata: ["ipmi.server": "\(server)", "error": "\(reason)"])
            broadcast(Self.notice("SOL session lost (\(reason)); reconnecting"))
            guard let reopened = await reopen(&backoff) else { return }
            console = reopened
            backoff.reset()
            activate(console)
            logger.info("sol session restored", metadata: ["ipmi.server": "\(server)"])
            broadcast(Self.notice("SOL session restored"))
        }
    }

    var isStopped: Bool {
        if case .stopped = session { return true }
        return false
    }

    /// Appends everything the console prints; returns why it ended.
    private func record(_ console: SOLConsole) async -> String {
        do {
            for try await chunk in console.inbound {
                append(chunk)
            }
            return "the SOL console was closed"
        } catch {
            return "\(error)"
        }
    }

    /// Tries to open SOL again until it works or the hub stops (nil).
    private func reopen(_ backoff: inout Backoff) async -> SOLConsole? {
        while !isStopped {
            let delay = backoff.next()
            let sleep = Task { try await Task.sleep(for: delay) }
            backoffSleep = sleep
            _ = try? await sleep.value
            backoffSleep = nil
            guard !isStopped else { return nil }
            let forcer = forcedReconnectBy
            forcedReconnectBy = nil
            do {
                let console = try await openSOL(
                    force: forcer != nil, caller: forcer ?? Caller(from: bus.address)
                )
                guard !isStopped else {
                    await console.close()
                    return nil
                }
                return console
            } catch {
                logger.info("sol reconnect failed", metadata: ["ipmi.server": "\(server)", "error": "\(error)"])
            }
        }
        return nil
    }
}
