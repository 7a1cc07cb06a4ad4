/// Random bytes from the system CSPRNG (`SystemRandomNumberGenerator` reads getrandom(2)).
enum SecureRandom {
    @Sendable
    static func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
