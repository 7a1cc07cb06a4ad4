import Testing
@testable import IPMISOL

struct SOLStateMachineTests {
    static func machine(firstSequence: UInt8 = 1, attempts: Int = 3) -> SOLStateMachine {
        SOLStateMachine(configuration: .init(
            maximumChunk: 32, retransmitTimeout: .milliseconds(500), maximumAttempts: attempts,
            busyRetryDelay: .milliseconds(20), firstSequence: firstSequence
        ))
    }

    static func sent(_ actions: [SOLStateMachine.Action]) -> [SOLPacket] {
        actions.compactMap { if case .send(let packet) = $0 { packet } else { nil } }
    }

    static func timer(_ actions: [SOLStateMachine.Action]) -> UInt64? {
        actions.compactMap { if case .armTimer(let token, _) = $0 { token } else { nil } }.last
    }

    static func ack(_ sequence: UInt8, _ count: UInt8, status: UInt8 = 0) -> SOLStateMachine.Event {
        .packetReceived(SOLPacket(sequence: 0, acknowledgedSequence: sequence, acceptedCount: count, operationOrStatus: status, data: []))
    }

    @Test func sendsAtMostTheBMCsPayloadSizeOnePacketAtATime() {
        var sol = Self.machine(firstSequence: 14)
        let data = (0..<70).map { UInt8($0) }
        let first = Self.sent(sol.handle(.write(data)))
        #expect(first.map(\.data) == [Array(data[0..<32])])
        #expect(first.first?.sequence == 14)
        #expect(Self.sent(sol.handle(.write([0xFF]))).isEmpty, "stop-and-wait")
        let second = sol.handle(Self.ack(14, 32))
        #expect(second.contains(.acknowledged(total: 32)))
        #expect(Self.sent(second).map(\.sequence) == [15])
        let third = Self.sent(sol.handle(Self.ack(15, 32)))
        #expect(third.map(\.sequence) == [1], "sequence wraps 15 -> 1, skipping 0")
        #expect(third.first?.data == Array(data[64...]) + [0xFF])
        #expect(sol.handle(Self.ack(1, 7)).contains(.acknowledged(total: 71)))
    }

    @Test func retransmitsWithTheSameSequenceThenFails() throws {
        var sol = Self.machine(attempts: 3)
        var actions = sol.handle(.write(Array("abc".utf8)))
        for _ in 0..<2 {
            let token = try #require(Self.timer(actions))
            actions = sol.handle(.timerFired(token: token))
            #expect(Self.sent(actions).map(\.sequence) == [1])
            #expect(Self.sent(actions).first?.data == Array("abc".utf8))
        }
        let token = try #require(Self.timer(actions))
        let final = sol.handle(.timerFired(token: token))
        guard case .failed(.bmcNotAnswering) = final.last else {
            Issue.record("expected failure, got \(final)")
            return
        }
        #expect(sol.isFinished)
    }

    @Test func partialAcceptResendsTheRestUnderANewSequence() {
        var sol = Self.machine()
        _ = sol.handle(.write(Array(repeating: 0x41, count: 32)))
        let actions = sol.handle(Self.ack(1, 10))
        #expect(actions.contains(.acknowledged(total: 10)))
        let resent = Self.sent(actions)
        #expect(resent.map(\.sequence) == [2])
        #expect(resent.first?.data.count == 22)
    }

    @Test func nothingAcceptedWaitsBeforeRetrying() throws {
        var sol = Self.machine()
        _ = sol.handle(.write([1, 2, 3]))
        let busy = sol.handle(Self.ack(1, 0, status: 0x40))
        #expect(Self.sent(busy).isEmpty)
        let token = try #require(Self.timer(busy))
        let retry = Self.sent(sol.handle(.timerFired(token: token)))
        #expect(retry.map(\.sequence) == [2])
        #expect(retry.first?.data == [1, 2, 3])
    }

    @Test func fullyAcceptedWithNackBitDoesNotStall() {
        var sol = Self.machine()
        _ = sol.handle(.write(Array(repeating: 0x41, count: 40)))
        // ipmi_sim sets NACK when the packet just filled its 32-byte buffer.
        #expect(Self.sent(sol.handle(Self.ack(1, 32, status: 0x40))).map(\.data.count) == [8])
    }

    @Test func inboundDuplicateIsOnlyReacknowledged() {
        var sol = Self.machine()
        let packet = SOLPacket(sequence: 3, acknowledgedSequence: 0, acceptedCount: 0, operationOrStatus: 0, data: Array("hi".utf8))
        let first = sol.handle(.packetReceived(packet))
        #expect(first == [.deliver(Array("hi".utf8)), .send(.ack(sequence: 3, acceptedCount: 2))])
        // The BMC missed the ACK and resends seq 3 with more characters appended.
        var again = packet
        again.data = Array("hi there".utf8)
        #expect(sol.handle(.packetReceived(again)) == [.send(.ack(sequence: 3, acceptedCount: 2))])
        let next = SOLPacket(sequence: 4, acknowledgedSequence: 0, acceptedCount: 0, operationOrStatus: 0, data: Array(" there".utf8))
        #expect(sol.handle(.packetReceived(next)).first == .deliver(Array(" there".utf8)))
    }

    @Test func dataPacketsRepeatTheLatestInboundAck() {
        var sol = Self.machine()
        let inbound = SOLPacket(sequence: 9, acknowledgedSequence: 0, acceptedCount: 0, operationOrStatus: 0, data: [0x41, 0x42])
        _ = sol.handle(.packetReceived(inbound))
        let out = Self.sent(sol.handle(.write([0x0D])))
        #expect(out.first?.acknowledgedSequence == 9)
        #expect(out.first?.acceptedCount == 2)
    }

    @Test func slowReaderWithholdsTheAck() {
        var sol = Self.machine()
        _ = sol.handle(.consumerReady(false))
        let packet = SOLPacket(sequence: 5, acknowledgedSequence: 0, acceptedCount: 0, operationOrStatus: 0, data: [1])
        #expect(sol.handle(.packetReceived(packet)).isEmpty)
        var longer = packet
        longer.data = [1, 2]
        #expect(sol.handle(.packetReceived(longer)).isEmpty)
        #expect(sol.handle(.consumerReady(true)) == [.deliver([1, 2]), .send(.ack(sequence: 5, acceptedCount: 2))])
    }

    @Test func breakGoesOutAloneOrWithTheNextPacket() {
        var idle = Self.machine()
        let alone = Self.sent(idle.handle(.sendBreak))
        #expect(alone.first?.operationOrStatus == 0x10 && alone.first?.data == [])
        #expect(Self.timer(idle.handle(.write([1]))) != nil)

        var busy = Self.machine()
        _ = busy.handle(.write([1]))
        #expect(busy.handle(.sendBreak).isEmpty)
        _ = busy.handle(.write([2]))
        let next = Self.sent(busy.handle(Self.ack(1, 1)))
        #expect(next.first?.operationOrStatus == 0x10)
        #expect(next.first?.data == [2])
    }

    @Test func bmcDeactivationEndsTheConsole() {
        var sol = Self.machine()
        let actions = sol.handle(Self.ack(0, 0, status: 0x10))
        #expect(actions == [.deactivated])
        #expect(sol.handle(.write([1])).isEmpty)
    }

    @Test func packetCodec() throws {
        let packet = SOLPacket(sequence: 2, acknowledgedSequence: 1, acceptedCount: 3, operationOrStatus: 0x10, data: [0x61])
        #expect(packet.encode() == [0x02, 0x01, 0x03, 0x10, 0x61])
        #expect(try SOLPacket.decode(packet.encode()) == packet)
        #expect(throws: IPMIError.self) { try SOLPacket.decode([1, 2, 3]) }
        #expect(SOLPacket.sequence(after: 15) == 1 && SOLPacket.sequence(after: 0) == 1)
    }
}
