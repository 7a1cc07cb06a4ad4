import Auth
import Testing

@Suite struct PasswordHasherTests {
    let hasher: PasswordHasher

    init() throws {
        hasher = try PasswordHasher(logN: 10)
    }

    @Test func hashesAreSaltedSelfDescribingAndVerify() throws {
        let first = try hasher.hash("correct horse")
        let second = try hasher.hash("correct horse")
        #expect(first.hasPrefix("$scrypt$ln=10,r=8,p=1$"))
        #expect(first != second, "each hash has its own salt")
        #expect(!first.contains("correct"))
        #expect(hasher.verify("correct horse", against: first))
        #expect(hasher.verify("correct horse", against: second))
        #expect(!hasher.verify("correct horsE", against: first))
        #expect(!hasher.verify("", against: first))
    }

    @Test func storedParametersWinOverTheCurrentCost() throws {
        let old = try PasswordHasher(logN: 11).hash("pw")
        #expect(hasher.verify("pw", against: old))
    }

    @Test func malformedStoredHashesNeverMatch() {
        for stored in ["", "pw", "$scrypt$", "$scrypt$ln=10,r=8,p=1$$", "$scrypt$ln=40,r=8,p=1$AAAAAAAAAAA$AAAA", "$pbkdf2$x$y$z", "$scrypt$ln=10,r=8,p=1$!!!$###"] {
            #expect(!hasher.verify("pw", against: stored), "\(stored)")
        }
    }

    @Test func refusesWeakCostsAndHugePasswords() {
        #expect(throws: AuthError.self) { try PasswordHasher(logN: 9) }
        #expect(throws: AuthError.self) { try PasswordHasher(logN: 21) }
        #expect(throws: AuthError.self) { try hasher.hash(String(repeating: "x", count: 2000)) }
    }
}
