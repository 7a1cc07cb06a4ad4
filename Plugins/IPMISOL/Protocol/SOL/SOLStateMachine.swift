/// Reliable, ordered SOL character transfer over the lossy RMCP+ session (IPMI v2.0 15.9),
/// as a pure state machine.
///
/// Outbound: one packet in flight (stop-and-wait), at most `maximumChunk` characters each;
/// an unacknowledged packet is resent with the same sequence number (so the BMC can drop
/// it as a duplicate); characters the BMC did not accept go out again in a new packet.
/// Inbound: every new packet is delivered once and acknowledged; a repeat of the last
/// sequence number is only re-acknowledged. While the consumer is not ready the ACK is
/// withheld, so the BMC stops and retransmits instead of overrunning the buffer.
struct SOLStateMachine {
    struct Configuration: Sendable {
        /// Characters per outbound packet (the BMC's inbound payload size).
        var maximumChunk: Int
        var retransmitTimeout: Duration
        /// Transmissions per packet, including the first.
        var maximumAttempts: Int
        /// Pause before resending when the BMC took none of a packet's characters.
        var busyRetryDelay: Duration
        /// Sequence number of the first packet (1...15).
        var firstSequence: UInt8
    }

    enum Event: Sendable {
        case write([UInt8])
        case sendBreak
        case packetReceived(SOLPacket)
        case timerFired(token: UInt64)
        case consumerReady(Bool)
    }

    enum Action: Sendable, Equatable {
        case send(SOLPacket)
        case deliver([UInt8])
        case armTimer(token: UInt64, after: Duration)
        /// Total characters the BMC has accepted since activation.
        case acknowledged(total: UInt64)
        /// The BMC announced it is deactivating SOL.
        case deactivated
        case failed(IPMIError)
    }

    private struct InFlight {
        var sequence: UInt8
        var data: [UInt8]
        var attempts: Int
    }

    let configuration: Configuration
    private var outbound: [UInt8] = []
    private var inFlight: InFlight?
    private var waitingForBusyRetry = false
    private(set) var nextSequence: UInt8
    private var lastInbound: (sequence: UInt8, acceptedCount: UInt8)?
    private var withheld: SOLPacket?
    private var consumerReady = true
    private(set) var acknowledgedTotal: UInt64 = 0
    private var pendingBreak = false
    private var timerToken: UInt64 = 0
    private(set) var isFinished = false

    init(configuration: Configuration) {
        self.configuration = configuration
        let first = configuration.firstSequence & 0x0F
        self.nextSequence = first == 0 ? 1 : first
    }

    /// The sequence number of the last packet sent (for choosing the next session's start).
    var lastUsedSequence: UInt8 {
        nextSequence == 1 ? 15 : nextSequence - 1
    }

    mutating func handle(_ event: Event) -> [Action] {
        guard !isFinished else { return [] }
        switch event {
        case .write(let bytes):
            outbound += bytes
            return isIdle ? transmitNext() : []
        case .sendBreak:
            return sendBreak()
        case .packetReceived(let packet):
            return receive(packet)
        case .timerFired(let token):
            guard token == timerToken else { return [] }
            return timerFired()
        case .consumerReady(let ready):
            consumerReady = ready
            guard ready, let packet = withheld else { return [] }
            withheld = nil
            return accept(packet)
        }
    }

    private var isIdle: Bool { inFlight == nil && !waitingForBusyRetry }

    private mutating func takeSequence() -> UInt8 {
        defer { nextSequence = SOLPacket.sequence(after: nextSequence) }
        return nextSequence
    }

    private mutating func armTimer(_ delay: Duration) -> Action {
        timerToken &+= 1
        return .armTimer(token: timerToken, after: delay)
    }

    private mutating func transmitNext() -> [Action] {
        guard !outbound.isEmpty else { return [] }
        let count = min(max(configuration.maximumChunk, 1), outbound.count)
        let chunk = Array(outbound.prefix(count))
        outbound.removeFirst(count)
        let sequence = takeSequence()
        let operation: SOLPacket.Operation = pendingBreak ? .generateBreak : []
        pendingBreak = false
        inFlight = InFlight(sequence: sequence, data: chunk, attempts: 1)
        return [.send(dataPacket(sequence: sequence, operation: operation, data: chunk)), armTimer(configuration.retransmitTimeout)]
    }

    /// A data packet that also repeats the latest inbound ACK: if the ACK-only packet was
    /// lost, the BMC learns it from this (retransmitted) packet instead of resending its
    /// data (ipmi_sim gives up after a handful of resends, dropping the output).
    private func dataPacket(sequence: UInt8, operation: SOLPacket.Operation, data: [UInt8]) -> SOLPacket {
        SOLPacket(
            sequence: sequence,
            acknowledgedSequence: lastInbound?.sequence ?? 0,
            acceptedCount: lastInbound?.acceptedCount ?? 0,
            operationOrStatus: operation.rawValue,
            data: data
        )
    }

    /// A break with no characters pending goes out at once and is not retransmitted (BMCs
    /// need not ACK a packet without characters); otherwise it rides on the next packet.
    private mutating func sendBreak() -> [Action] {
        guard isIdle, outbound.isEmpty else {
            pendingBreak = true
            return []
        }
        let packet = SOLPacket(
            sequence: takeSequence(), acknowledgedSequence: 0, acceptedCount: 0,
            operationOrStatus: SOLPacket.Operation.generateBreak.rawValue, data: []
        )
        return [.send(packet)]
    }

    private mutating func receive(_ packet: SOLPacket) -> [Action] {
        var actions: [Action] = []
        if packet.acknowledgedSequence != 0, let current = inFlight, packet.acknowledgedSequence == current.sequence {
            actions += acknowledge(current, by: packet)
        }
        if packet.sequence != 0, !packet.data.isEmpty {
            if let last = lastInbound, last.sequence == packet.sequence {
                actions.append(.send(.ack(sequence: packet.sequence, acceptedCount: last.acceptedCount)))
            } else if consumerReady {
                actions += accept(packet)
            } else {
                // A retransmission of the withheld packet may carry more characters: keep the latest.
                withheld = packet
            }
        }
        if packet.status.contains(.deactivating) {
            isFinished = true
            timerToken &+= 1
            actions.append(.deactivated)
        }
        return actions
    }

    private mutating func acknowledge(_ current: InFlight, by packet: SOLPacket) -> [Action] {
        var actions: [Action] = []
        let accepted = min(Int(packet.acceptedCount), current.data.count)
        inFlight = nil
        timerToken &+= 1
        if accepted > 0 {
            acknowledgedTotal += UInt64(accepted)
            actions.append(.acknowledged(total: acknowledgedTotal))
        }
        outbound.insert(contentsOf: current.data[accepted...], at: 0)
        // Only a packet the BMC took nothing from means "busy": ipmi_sim also sets NACK when
        // a fully accepted packet just filled its buffer, which drains at once.
        if !outbound.isEmpty && accepted == 0 {
            waitingForBusyRetry = true
            actions.append(armTimer(configuration.busyRetryDelay))
        } else {
            actions += transmitNext()
        }
        return actions
    }

    /// Delivers a new inbound packet and acknowledges it. The count field is one byte, so
    /// at most 255 characters are taken; the BMC resends the rest.
    private mutating func accept(_ packet: SOLPacket) -> [Action] {
        let count = min(packet.data.count, 255)
        lastInbound = (packet.sequence, UInt8(count))
        return [
            .deliver(Array(packet.data.prefix(count))),
            .send(.ack(sequence: packet.sequence, acceptedCount: UInt8(count))),
        ]
    }

    private mutating func timerFired() -> [Action] {
        if waitingForBusyRetry {
            waitingForBusyRetry = false
            return transmitNext()
        }
        guard var current = inFlight else { return [] }
        guard current.attempts < configuration.maximumAttempts else {
            isFinished = true
            let seconds = Double(configuration.retransmitTimeout.components.seconds)
                + Double(configuration.retransmitTimeout.components.attoseconds) / 1e18
            return [.failed(.bmcNotAnswering(step: "SOL character data", seconds: seconds * Double(current.attempts)))]
        }
        current.attempts += 1
        inFlight = current
        return [.send(dataPacket(sequence: current.sequence, operation: [], data: current.data)), armTimer(configuration.retransmitTimeout)]
    }
}
