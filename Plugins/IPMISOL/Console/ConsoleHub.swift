import Contracts
import Foundation
import Kernel
import Logging

/// The one shared Serial-over-LAN console of one server.
///
/// The SOL session is opened by the first attach and then kept open (and reopened with
/// backoff when it dies) while the plugin runs, so the console log is always on. Every
/// viewer reads the same ``ConsoleLog`` by offset: the retained scrollback first, then live
/// output, with no gap and no duplicate. The first viewer that may write holds the keyboard;
/// the others observe, and what they type is dropped with a notice.
actor ConsoleHub {
    /// The SOL session's state, as ``IPMIConsole/Status`` reports it.
    enum Session: Sendable {
        case closed
        case connecting
        case active(SOLConsole)
        case reconnecting
        case stopped

        var name: String {
            switch self {
            case .closed: "closed"
            case .connecting: "connecting"
            case .active: "active"
            case .reconnecting: "reconnecting"
            case .stopped: "stopped"
            }
        }
    }

    /// What a viewer asked for.
    struct Options: Sendable {
        var force: Bool
        var scrollback: Bool
        var readOnly: Bool
    }

    let server: ServerID
    let bmc: ManagedBMC
    let bus: Bus
    let logger: Logger
    let allowForceTakeover: Bool
    var log: ConsoleLog
    var viewers = ConsoleViewers()
    var mailboxes: [ConsoleViewers.ID: Mailbox] = [:]
    var session: Session = .closed
    var lastError: IPMISOLError?
    var sessionsOpened = 0
    var opening: Task<SOLConsole, any Error>?
    var sessionTask: Task<Void, Never>?
    var backoffSleep: Task<Void, any Error>?
    /// Set by a forced attach while the payload is held elsewhere: the next reconnect forces.
    var forcedReconnectBy: Caller?

    init(bmc: ManagedBMC, bus: Bus, logger: Logger, scrollbackBytes: Int, allowForceTakeover: Bool) {
        self.server = bmc.settings.name
        self.bmc = bmc
        self.bus = bus
        self.logger = logger
        self.allowForceTakeover = allowForceTakeover
        self.log = ConsoleLog(capacity: scrollbackBytes)
    }

    /// Serves one viewer until it detaches or the plugin stops.
    func attach(_ options: Options, duplex: Duplex, caller: Caller) async throws {
        try await ensureSession(options, caller: caller)
        let id = register(options, duplex: duplex, caller: caller)
        let start = options.scrollback ? log.startOffset : log.endOffset
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await self.pump(id, from: start, to: duplex.outbound)
                duplex.inbound.close()
            }
            group.addTask {
                await self.readInput(id, from: duplex.inbound)
                await self.end(id)
            }
        }
        unregister(id)
    }

    /// The console's state.
    func status() -> IPMIConsole.Status.Reply {
        IPMIConsole.Status.Reply(
            server: server, session: session.name, lastError: lastError?.message,
            viewers: viewers.viewers.map { IPMIConsole.Viewer(id: $0.id, caller: $0.caller, writer: viewers.isWriter($0.id)) },
            logStart: log.startOffset, logEnd: log.endOffset, sessionsOpened: sessionsOpened
        )
    }

    /// Ends every viewer, deactivates the SOL payload and stops reconnecting.
    func stop() async {
        let previous = session
        session = .stopped
        sessionTask?.cancel()
        backoffSleep?.cancel()
        opening?.cancel()
        for id in Array(mailboxes.keys) {
            end(id)
            mailboxes[id]?.duplex.inbound.close()
        }
        if case .active(let console) = previous {
            await console.close()
        }
    }

    /// Makes sure the SOL session exists; the first attach opens it.
    private func ensureSession(_ options: Options, caller: Caller) async throws {
        switch session {
        case .stopped:
            throw IPMISOLError.stopped(server: server)
        case .active:
            return
        case .reconnecting:
            if options.force, allowForceTakeover, case .consoleBusy = lastError {
                forcedReconnectBy = caller
                backoffSleep?.cancel()
            }
            return
        case .connecting:
            _ = try await opening?.value
        case .closed:
            session = .connecting
            let task = Task { try await self.openFirst(force: options.force, caller: caller) }
            opening = task
            defer { opening = nil }
            _ = try await task.value
        }
    }

    /// The first open: on success the session is active and kept open from now on.
    private func openFirst(force: Bool, caller: Caller) async throws -> SOLConsole {
        let console: SOLConsole
        do {
            console = try await openSOL(force: force, caller: caller)
        } catch {
            if case .connecting = session { session = .closed }
            throw error
        }
        guard case .connecting = session else {
            await console.close()
            throw IPMISOLError.stopped(server: server)
        }
        activate(console)
        sessionTask = Task { await self.keepSession(console) }
        return console
    }

    /// Opens SOL; a payload held by another session is taken over only when forced and allowed.
    func openSOL(force: Bool, caller: Caller) async throws -> SOLConsole {
        do {
            let console = try await bmc.openConsole(force: false)
            lastError = nil
            return console
        } catch IPMISOLError.bmc(_, _, .payloadAlreadyActive) {
            let busy = IPMISOLError.consoleBusy(server: server, forceAllowed: allowForceTakeover, forced: force)
            lastError = busy
            guard force, allowForceTakeover else { throw busy }
            let console = try await bmc.openConsole(force: true)
            lastError = nil
            await audit(.bmcPayload, by: caller, previous: nil)
            return console
        } catch let error as IPMISOLError {
            lastError = error
            throw error
        }
    }

    func activate(_ console: SOLConsole) {
        session = .active(console)
        sessionsOpened += 1
    }

    /// Logs a forced take-over and announces it as `console.takeover`.
    func audit(_ scope: IPMIConsole.Takeover.Scope, by caller: Caller, previous: Address?) async {
        let principal = caller.metadata["principal"]
        logger.notice("console take-over (force)", metadata: [
            "ipmi.server": "\(server)", "console.scope": "\(scope.rawValue)", "console.by": "\(caller.from)",
            "console.principal": "\(principal ?? "-")", "console.previous": "\(previous.map(\.description) ?? "-")",
        ])
        let event = IPMIConsole.Takeover(server: server, scope: scope, by: caller.from, principal: principal, previous: previous, at: Date())
        do {
            try await bus.send(event)
        } catch BusError.noRoute {
            // Nobody collects take-over events on this node: the log line is the audit record.
        } catch {
            logger.warning("console.takeover could not be delivered", metadata: ["error": "\(error)"])
        }
    }
}
