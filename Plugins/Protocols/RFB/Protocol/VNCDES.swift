import CLibCrypto

/// DES as VNC Authentication uses it (RFC 6143 7.2.2): the key is the password's first 8
/// bytes (zero-padded), each byte with its bit order reversed, and the 16-byte challenge is
/// encrypted as two independent ECB blocks.
public enum VNCDES {
    /// Length of the server's challenge and of the client's response.
    public static let challengeLength = 16

    /// The 8-byte DES key for `password`: truncated or zero-padded to 8 bytes, bits of each
    /// byte reversed (VNC's historical quirk).
    public static func key(forPassword password: [UInt8]) -> [UInt8] {
        var key = [UInt8](repeating: 0, count: 8)
        for (index, byte) in password.prefix(8).enumerated() {
            key[index] = reversedBits(byte)
        }
        return key
    }

    /// The response to a VNC Authentication challenge.
    /// - Throws: `RFBHandshakeError.malformed` unless `challenge` is exactly 16 bytes.
    public static func response(toChallenge challenge: [UInt8], password: [UInt8]) throws(RFBHandshakeError) -> [UInt8] {
        guard challenge.count == challengeLength else {
            throw .malformed("VNC Authentication challenge of \(challenge.count) bytes, expected \(challengeLength)")
        }
        return encryptECB(challenge, key: key(forPassword: password))
    }

    /// Single-DES ECB encryption of whole 8-byte blocks with a raw 8-byte key (no bit reversal).
    /// `key` must be 8 bytes and `plaintext` a multiple of 8 bytes; a trailing partial block
    /// is not encrypted and not returned.
    static func encryptECB(_ plaintext: [UInt8], key: [UInt8]) -> [UInt8] {
        let blockCount = plaintext.count / 8
        guard key.count == 8, blockCount > 0 else { return [] }
        var output = [UInt8](repeating: 0, count: blockCount * 8)
        key.withUnsafeBufferPointer { keyBuffer in
            plaintext.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    guard let keyBase = keyBuffer.baseAddress, let inBase = input.baseAddress,
                          let outBase = out.baseAddress
                    else { return }
                    tether_des_ecb_encrypt(keyBase, inBase, outBase, blockCount)
                }
            }
        }
        return output
    }

    static func reversedBits(_ byte: UInt8) -> UInt8 {
        var value = byte
        value = (value & 0xF0) >> 4 | (value & 0x0F) << 4
        value = (value & 0xCC) >> 2 | (value & 0x33) << 2
        value = (value & 0xAA) >> 1 | (value & 0x55) << 1
        return value
    }
}
