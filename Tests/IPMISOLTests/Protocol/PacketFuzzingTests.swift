import Testing
@testable import IPMISOL

/// A short, seeded version of the libFuzzer run (`Scripts/fuzz IPMISOLFuzz`): every parser
/// gets random bytes and mutations of real packets, and must only ever throw.
struct PacketFuzzingTests {
    static let seeds: [[UInt8]] = [
        WireCodecTests.authCapsResponse,
        [UInt8](hex: "0600ff06 000011be 40 42 00 10 000011be 00000000 81 00 000000000000"),
        // RMCP+ session packets: IPMI payload, SOL payload, authenticated + encrypted flags set.
        [UInt8](hex: "0600ff07 06 00 00000000 00000000 0800 8100 1c 63 20 00 38"),
        [UInt8](hex: "0600ff07 06 c0 a0a2a3a4 01000000 2000 000102030405060708090a0b0c0d0e0f 101112131415161718191a1b1c1d1e1f ffff0207 000102030405060708090a0b"),
        [UInt8](hex: "0600ff07 06 01 a0a2a3a4 05000000 0600 03 02 00 00 41 42"),
        // Open Session response and RAKP 2 shapes.
        [UInt8](hex: "00 00 00 04 a0a2a3a4 00000002 00000008 01000000 01000008 01000000 02000008 01000000"),
    ]

    @Test func randomAndMutatedInputsOnlyThrow() {
        var random = SplitMix64(seed: 0x1F_2026)
        var inputs = 0
        for _ in 0..<5_000 {
            let count = Int(random.next() % 96)
            IPMIPacketFuzzing.parse((0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) })
            inputs += 1
        }
        for seed in Self.seeds {
            IPMIPacketFuzzing.parse(seed)
            for _ in 0..<2_000 {
                var mutated = seed
                switch random.next() % 4 {
                case 0 where !mutated.isEmpty:
                    let index = Int(random.next() % UInt64(mutated.count))
                    mutated[index] ^= UInt8(1 << (random.next() % 8))
                case 1:
                    mutated = Array(mutated.prefix(Int(random.next() % UInt64(mutated.count + 1))))
                case 2 where !mutated.isEmpty:
                    mutated[Int(random.next() % UInt64(mutated.count))] = UInt8(truncatingIfNeeded: random.next())
                default:
                    mutated += (0..<Int(random.next() % 40)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                }
                IPMIPacketFuzzing.parse(mutated)
                inputs += 1
            }
        }
        #expect(inputs == 5_000 + Self.seeds.count * 2_000)
    }
}
