import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A UDP relay on 127.0.0.1 between one client and the BMC that drops a fixed fraction of
/// datagrams in each direction, decided by a seeded PRNG per direction (the k-th datagram
/// of a direction is always dropped or always passed for a given seed).
final class LossyUDPRelay: Sendable {
    struct Counters: Sendable {
        var forwardedToBMC = 0
        var droppedToBMC = 0
        var forwardedToClient = 0
        var droppedToClient = 0
    }

    struct State {
        var clientAddress: SocketAddress?
        var toBMC: SplitMix64
        var toClient: SplitMix64
        var counters = Counters()
    }

    let port: Int
    private let clientSide: any Channel
    private let bmcSide: any Channel
    private let state: NIOLockedValueBox<State>

    var counters: Counters { state.withLockedValue { $0.counters } }

    private init(port: Int, clientSide: any Channel, bmcSide: any Channel, state: NIOLockedValueBox<State>) {
        self.port = port
        self.clientSide = clientSide
        self.bmcSide = bmcSide
        self.state = state
    }

    static func start(port: Int, bmcPort: Int, dropRate: Double, seed: UInt64) async throws -> LossyUDPRelay {
        let group = MultiThreadedEventLoopGroup.singleton
        let bmcAddress = try SocketAddress(ipAddress: "127.0.0.1", port: bmcPort)
        let state = NIOLockedValueBox(State(toBMC: SplitMix64(seed: seed), toClient: SplitMix64(seed: seed &+ 1)))
        let bmcSide = try await DatagramBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        let clientSide = try await DatagramBootstrap(group: group).bind(host: "127.0.0.1", port: port).get()
        try await clientSide.pipeline.addHandler(RelayHandler { envelope in
            let forward = state.withLockedValue { state -> Bool in
                state.clientAddress = envelope.remoteAddress
                let pass = state.toBMC.nextUnit() >= dropRate
                if pass { state.counters.forwardedToBMC += 1 } else { state.counters.droppedToBMC += 1 }
                return pass
            }
            if forward {
                bmcSide.writeAndFlush(AddressedEnvelope(remoteAddress: bmcAddress, data: envelope.data), promise: nil)
            }
        }).get()
        try await bmcSide.pipeline.addHandler(RelayHandler { envelope in
            let client = state.withLockedValue { state -> SocketAddress? in
                let pass = state.toClient.nextUnit() >= dropRate
                if pass { state.counters.forwardedToClient += 1 } else { state.counters.droppedToClient += 1 }
                return pass ? state.clientAddress : nil
            }
            if let client {
                clientSide.writeAndFlush(AddressedEnvelope(remoteAddress: client, data: envelope.data), promise: nil)
            }
        }).get()
        return LossyUDPRelay(port: port, clientSide: clientSide, bmcSide: bmcSide, state: state)
    }

    func stop() async {
        try? await clientSide.close()
        try? await bmcSide.close()
    }
}

/// Calls `onDatagram` for every inbound datagram.
final class RelayHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    let onDatagram: @Sendable (AddressedEnvelope<ByteBuffer>) -> Void

    init(_ onDatagram: @escaping @Sendable (AddressedEnvelope<ByteBuffer>) -> Void) {
        self.onDatagram = onDatagram
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        onDatagram(unwrapInboundIn(data))
    }
}

/// SplitMix64: a tiny seeded PRNG, so drop patterns are reproducible.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func nextUnit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}
