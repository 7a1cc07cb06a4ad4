import Contracts
import Crypto
import _CryptoExtras
import Foundation

/// Hashes passwords with scrypt (memory-hard) into a self-describing string
/// `$scrypt$ln=15,r=8,p=1$SALT$HASH` (base64url), and verifies in constant time.
/// Stored hashes keep their own parameters, so raising the cost later keeps old hashes valid.
public struct PasswordHasher: Sendable {
    /// log2 of the scrypt cost N. 15 (N = 32768, 32 MiB with r = 8) is the production default.
    public let logN: Int
    public let blockSize: Int
    public let parallelism: Int

    static let saltBytes = 16
    static let hashBytes = 32
    /// Longer passwords are refused before hashing (no unbounded work per request).
    public static let maximumPasswordBytes = 1024

    /// - Throws: when the cost is outside 10...20 (10 is for tests only).
    public init(logN: Int = 15, blockSize: Int = 8, parallelism: Int = 1) throws(AuthError) {
        guard (10...20).contains(logN) else { throw .badRequest("scrypt logN must be 10...20, not \(logN)") }
        guard (1...32).contains(blockSize), (1...16).contains(parallelism) else {
            throw .badRequest("scrypt blockSize must be 1...32 and parallelism 1...16")
        }
        self.logN = logN
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// A new hash with a fresh random salt.
    public func hash(_ password: String) throws(AuthError) -> String {
        var salt = [UInt8](repeating: 0, count: Self.saltBytes)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = generator.next() }
        let derived = try Self.derive(password, salt: salt, logN: logN, blockSize: blockSize, parallelism: parallelism)
        return "$scrypt$ln=\(logN),r=\(blockSize),p=\(parallelism)$\(Base64URL.encode(salt))$\(Base64URL.encode(derived))"
    }

    /// Whether `password` matches `stored`. A malformed stored hash never matches.
    public func verify(_ password: String, against stored: String) -> Bool {
        guard let parsed = ParsedHash(stored),
            let derived = try? Self.derive(password, salt: parsed.salt, logN: parsed.logN, blockSize: parsed.blockSize, parallelism: parsed.parallelism)
        else { return false }
        return ConstantTime.equal(derived, parsed.hash)
    }

    /// Spends the same work as a real verification, so an unknown user name takes as long as
    /// a wrong password.
    public func verifyNothing(_ password: String) {
        _ = try? Self.derive(password, salt: [UInt8](repeating: 0, count: Self.saltBytes), logN: logN, blockSize: blockSize, parallelism: parallelism)
    }

    static func derive(_ password: String, salt: [UInt8], logN: Int, blockSize: Int, parallelism: Int) throws(AuthError) -> [UInt8] {
        guard password.utf8.count <= maximumPasswordBytes else { throw .badRequest("the password is longer than \(maximumPasswordBytes) bytes") }
        do {
            let key = try KDF.Scrypt.deriveKey(
                from: Array(password.utf8), salt: salt, outputByteCount: hashBytes,
                rounds: 1 << logN, blockSize: blockSize, parallelism: parallelism,
                maxMemory: 128 * (1 << logN) * blockSize * parallelism + 1 << 20)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw .unavailable("scrypt failed: \(error)")
        }
    }

    /// The parts of a stored `$scrypt$...` string.
    struct ParsedHash {
        let logN: Int, blockSize: Int, parallelism: Int
        let salt: [UInt8], hash: [UInt8]

        init?(_ text: String) {
            let parts = text.split(separator: "$", omittingEmptySubsequences: false)
            guard parts.count == 5, parts[0].isEmpty, parts[1] == "scrypt" else { return nil }
            var values: [Substring: Int] = [:]
            for pair in parts[2].split(separator: ",") {
                let kv = pair.split(separator: "=")
                guard kv.count == 2, let value = Int(kv[1]) else { return nil }
                values[kv[0]] = value
            }
            guard let logN = values["ln"], (10...20).contains(logN), let r = values["r"], (1...32).contains(r),
                let p = values["p"], (1...16).contains(p),
                let salt = Base64URL.decode(parts[3]), salt.count >= 8, let hash = Base64URL.decode(parts[4]), hash.count == PasswordHasher.hashBytes
            else { return nil }
            (self.logN, self.blockSize, self.parallelism, self.salt, self.hash) = (logN, r, p, Array(salt), Array(hash))
        }
    }
}
