import Testing
@testable import RFB

/// Known answers computed outside this code base, two ways that agree:
///   Python `cryptography` 48: Cipher(decrepit TripleDES(key8), modes.ECB()) -- an 8-byte
///     TripleDES key is single DES -- with key = password[:8] zero-padded, bits of each byte
///     reversed (int(f"{b:08b}"[::-1], 2));
///   `openssl enc -des-ecb -K <key> -nopad -provider legacy -provider default` (OpenSSL 3.0.19).
/// The raw-DES vector is the classic NBS/FIPS example: key 0123456789abcdef, "Now is t".
@Suite struct VNCDESTests {
    @Test func rawDESMatchesTheClassicTestVector() {
        let ciphertext = VNCDES.encryptECB(Bytes.ascii("Now is t"), key: Bytes.hex("0123456789abcdef"))
        #expect(ciphertext == Bytes.hex("3fa40e8a984d4815"))
    }

    @Test(arguments: [
        ("s3cret", "ceccc64ea62e0000"),
        ("password", "0e86ceceeef64e26"),
        ("verylongpassword", "6ea64e9e36f676e6"),
        ("", "0000000000000000"),
    ])
    func keyReversesBitsAndPadsToEightBytes(password: String, expectedKey: String) {
        #expect(VNCDES.key(forPassword: Bytes.ascii(password)) == Bytes.hex(expectedKey))
    }

    @Test(arguments: [
        ("s3cret", "000102030405060708090a0b0c0d0e0f", "fc9a2bb8546a63388eb45b530d3a6337"),
        ("password", "8d1f0a7c3e55b2e4c6f9013a7bd2e8f1", "cc7d41b045bc752088ad225a9437b938"),
        ("verylongpassword", "8d1f0a7c3e55b2e4c6f9013a7bd2e8f1", "0612563164ca3c92b11f4924517e6a2c"),
        ("", "000102030405060708090a0b0c0d0e0f", "491e890de9ace932838a49792f2213f3"),
    ])
    func responseMatchesIndependentComputation(password: String, challenge: String, response: String) throws {
        let computed = try VNCDES.response(toChallenge: Bytes.hex(challenge), password: Bytes.ascii(password))
        #expect(computed == Bytes.hex(response))
    }

    @Test func onlyTheFirstEightPasswordBytesMatter() throws {
        let challenge = Bytes.hex("8d1f0a7c3e55b2e4c6f9013a7bd2e8f1")
        let long = try VNCDES.response(toChallenge: challenge, password: Bytes.ascii("verylongpassword"))
        let truncated = try VNCDES.response(toChallenge: challenge, password: Bytes.ascii("verylong"))
        #expect(long == truncated)
    }

    @Test func rejectsAChallengeOfTheWrongLength() {
        #expect(throws: RFBHandshakeError.self) {
            try VNCDES.response(toChallenge: [1, 2, 3], password: Bytes.ascii("x"))
        }
    }

    @Test func bitReversal() {
        #expect(VNCDES.reversedBits(0b0000_0001) == 0b1000_0000)
        #expect(VNCDES.reversedBits(0b1100_1010) == 0b0101_0011)
        #expect(VNCDES.reversedBits(0xFF) == 0xFF)
    }
}
