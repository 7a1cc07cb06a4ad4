import Kernel

/// A server's serial console as a byte stream: what the server prints arrives on the
/// duplex's inbound side; what is written to it is typed on the console.
public enum SerialConsole {
    /// Attaches to the console of `server`.
    public struct Attach: StreamRequest {
        public static let topic: Topic = "console.serial.attach"
        public var server: ServerID
        /// Take the console over from whoever holds it on the BMC (audited; off by default).
        public var force: Bool

        public init(server: ServerID, force: Bool = false) {
            self.server = server
            self.force = force
        }
    }
}
