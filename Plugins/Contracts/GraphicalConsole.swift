import Kernel

/// A server's graphical console (its BMC's VNC screen) as a byte stream carrying plain RFB:
/// the opener's end of the duplex talks to an RFB 3.8 server with security type None that
/// replays the BMC's ServerInit. The BMC's own VNC login is done by the serving plugin
/// (`vnc-tcp`, `vnc-ws`), so the BMC's VNC password never reaches the opener.
public enum GraphicalConsole {
    /// Attaches a viewer to the graphical console of `server`.
    public struct Attach: StreamRequest {
        public static let topic: Topic = "console.graphical.attach"
        /// The server name as configured in the serving plugin's `servers`.
        public var server: ServerID

        public init(server: ServerID) {
            self.server = server
        }
    }
}

/// Routed by server: `bus.openServer(GraphicalConsole.Attach(server:))` finds the instance
/// that manages it through `routing`.
extension GraphicalConsole.Attach: ServerScoped {}
