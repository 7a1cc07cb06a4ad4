/// An open Serial-over-LAN console (SOL payload instance 1).
///
/// Read the host's serial output from ``inbound``; it is back-pressured: while the reader
/// falls behind, the client stops acknowledging, so the BMC pauses instead of the client
/// buffering without bound. The sequence ends when the console is closed and throws when
/// the session or the BMC ends it. Every character is delivered once and in order.
public final class SOLConsole: Sendable {
    /// Characters from the host's serial port.
    public let inbound: Inbound
    /// Largest number of characters the BMC takes per SOL packet.
    public let inboundPayloadSize: Int
    /// Largest SOL payload the BMC sends.
    public let outboundPayloadSize: Int
    let connection: RMCPPlusConnection
    private let client: IPMIClient

    init(
        inbound: Inbound, activation: SOLPayloadActivation,
        connection: RMCPPlusConnection, client: IPMIClient
    ) {
        self.inbound = inbound
        self.inboundPayloadSize = Int(activation.inboundPayloadSize)
        self.outboundPayloadSize = Int(activation.outboundPayloadSize)
        self.connection = connection
        self.client = client
    }

    /// Sends characters to the host's serial port; returns when the BMC has accepted all
    /// of them. Concurrent writes are sent in call order.
    public func write(_ bytes: some Sequence<UInt8>) async throws {
        try await connection.solWrite(Array(bytes))
    }

    /// Sends the UTF-8 bytes of `text`.
    public func write(_ text: String) async throws {
        try await write(Array(text.utf8))
    }

    /// Asks the BMC to generate a serial break (with the next packet if characters are pending).
    public func sendBreak() async throws {
        try await connection.solBreak()
    }

    /// Deactivates the SOL payload and ends ``inbound``. The session stays open.
    public func close() async {
        await client.closeConsole(self)
    }
}
