import Testing
@testable import RFB
import StreamCompression

/// Deterministic random input against every parser: each must throw or wait, never trap.
/// A crash here fails the whole test run.
@Suite struct RandomInputTests {
    /// SplitMix64, so failures are reproducible from the seed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    /// Random chunks, sometimes behind a valid prefix so deeper states are reached.
    static func inputs(seed: UInt64, prefixes: [[UInt8]], count: Int = 1500) -> [[[UInt8]]] {
        var generator = Generator(state: seed)
        return (0..<count).map { _ in
            let prefix = prefixes.randomElement(using: &generator) ?? []
            let length = Int.random(in: 0...64, using: &generator)
            let tail = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let stream = prefix + tail
            let cut = Int.random(in: 0...stream.count, using: &generator)
            return [Array(stream[..<cut]), Array(stream[cut...])]
        }
    }

    @Test func clientHandshakeNeverTraps() {
        let v38 = Bytes.ascii("RFB 003.008\n")
        let prefixes = [[], v38, v38 + [1, 2], v38 + [1, 19, 0, 2, 0], v38 + [1, 1, 0, 0, 0, 0], Bytes.ascii("RFB 003.003\n")]
        var outcomes = (completed: 0, failed: 0)
        for chunks in Self.inputs(seed: 1, prefixes: prefixes) {
            var handshake = RFBClientHandshake(configuration: .init(password: "pw", allowsVeNCryptTLS: true))
            do {
                for chunk in chunks {
                    for action in try handshake.receive(chunk) {
                        if case .completed = action { outcomes.completed += 1 }
                        if case .startTLS = action { _ = try handshake.tlsEstablished() }
                    }
                }
            } catch {
                outcomes.failed += 1
            }
        }
        #expect(outcomes.failed > 0)
    }

    @Test func serverHandshakeNeverTraps() throws {
        let serverInit = try RFBServerInit(bytes: RFBFixtures.serverInit)
        let prefixes = [[], Bytes.ascii("RFB 003.008\n"), Bytes.ascii("RFB 003.003\n"), Bytes.ascii("RFB 003.008\n") + [1]]
        for chunks in Self.inputs(seed: 2, prefixes: prefixes) {
            var handshake = RFBServerHandshake(serverInit: serverInit)
            do {
                _ = try handshake.start()
                for chunk in chunks { _ = try handshake.receive(chunk) }
            } catch {
                _ = handshake.rejection(for: error)
            }
        }
    }

    @Test func framerNeverTraps() {
        let prefixes: [[UInt8]] = [[], [6, 0, 0, 0], [255, 1], [251, 0, 0, 0, 0, 0], [2, 0], [248, 0, 0, 0, 0, 0, 0, 0]]
        for chunks in Self.inputs(seed: 3, prefixes: prefixes) {
            var framer = RFBClientMessageFramer()
            do {
                for chunk in chunks {
                    framer.append(chunk)
                    while try framer.nextMessage() != nil {}
                }
            } catch {}
        }
    }

    @Test func lz4DecoderNeverTraps() throws {
        let valid = try LZ4FrameCodec.encode([UInt8](repeating: 9, count: 500))
        let prefixes: [[UInt8]] = [[], [1], [0], Array(valid.prefix(9)), Array(valid.prefix(20))]
        for chunks in Self.inputs(seed: 4, prefixes: prefixes) {
            var decoder = LZ4FrameDecoder(maximumFrameLength: 1 << 16)
            do {
                for chunk in chunks {
                    decoder.append(chunk)
                    while try decoder.nextFrame() != nil {}
                }
            } catch {}
        }
    }
}
