import Contracts
import Kernel

/// What differs between the serial console and the graphical (VNC) console relay; the rest
/// of ``ConsoleSession`` is the same for both.
enum ConsoleKind: Sendable {
    /// Text terminal: the gateway also speaks JSON control messages in text frames.
    case serial
    /// Raw RFB for noVNC or a native viewer: the gateway never writes a text frame (a viewer
    /// could not read it) and answers no control message; a `refresh` still extends the lease.
    case graphical

    var attachTopic: Topic {
        switch self {
        case .serial: SerialConsole.Attach.topic
        case .graphical: GraphicalConsole.Attach.topic
        }
    }

    /// The permission a lease refresh must carry.
    var action: Auth.Action {
        switch self {
        case .serial: .console
        case .graphical: .vnc
        }
    }

    /// Audit actions `<prefix>.open` / `<prefix>.close`; log lines `<name> opened`.
    var auditPrefix: String { self == .serial ? "console" : "vnc" }
    var logName: String { self == .serial ? "console" : "graphical console" }
    var speaksText: Bool { self == .serial }

    /// Opens the agent's console stream for `server`.
    func attach(_ server: ServerID, on bus: Bus) async throws -> Duplex {
        switch self {
        case .serial: try await bus.openServer(SerialConsole.Attach(server: server))
        case .graphical: try await bus.openServer(GraphicalConsole.Attach(server: server))
        }
    }

    /// How a console stream that failed ends the session. A graphical stream the agent ended
    /// with a coded reason (already sent to the viewer in RFB, e.g. `bmc-auth-failed`) closes
    /// with that reason; every other failure means the agent is gone.
    func end(after error: any Error) -> ConsoleEnd {
        let failure = GatewayError.from(error, asking: attachTopic)
        switch (self, error) {
        case (.serial, _), (.graphical, BusError.unreachable), (.graphical, BusError.streamClosed): return .agentLost(failure.message)
        case (.graphical, _): return .refused(failure)
        }
    }
}
