import Crypto
import _CryptoExtras

/// AES-CBC-128 payload confidentiality (IPMI v2.0 section 13.29).
///
/// The encrypted payload is `IV (16) || AES-CBC(K2[0..<16], IV, data || pad || padLength)`,
/// where the confidentiality pad is `01 02 03 ...` and makes the plaintext a multiple of 16.
struct AESCBC128: Sendable {
    static let blockSize = 16
    /// Stored as bytes: `SymmetricKey` is not `Sendable` in swift-crypto 3.x.
    private let keyBytes: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// - Parameter k2: session key K2; its first 16 bytes are the AES key.
    init(k2: [UInt8]) throws(IPMIError) {
        guard k2.count >= 16 else {
            throw .invalidConfiguration("AES-CBC-128 needs K2 of at least 16 bytes, got \(k2.count)")
        }
        self.keyBytes = Array(k2.prefix(16))
    }

    /// The padded plaintext: payload, pad bytes 1...n, and the pad length n.
    static func pad(_ payload: [UInt8]) -> [UInt8] {
        let padLength = (blockSize - (payload.count + 1) % blockSize) % blockSize
        var padded = payload
        padded.reserveCapacity(payload.count + padLength + 1)
        for value in 0..<padLength {
            padded.append(UInt8(value + 1))
        }
        padded.append(UInt8(padLength))
        return padded
    }

    func encrypt(_ payload: [UInt8], iv: [UInt8]) throws(IPMIError) -> [UInt8] {
        guard iv.count == Self.blockSize else {
            throw .invalidConfiguration("AES-CBC-128 IV must be 16 bytes, got \(iv.count)")
        }
        do {
            let cipherText = try AES._CBC.encrypt(
                Self.pad(payload), using: key, iv: AES._CBC.IV(ivBytes: iv), noPadding: true
            )
            return iv + Array(cipherText)
        } catch {
            throw .invalidConfiguration("AES-CBC-128 encryption failed: \(error)")
        }
    }

    func decrypt(_ encrypted: [UInt8]) throws(IPMIError) -> [UInt8] {
        guard encrypted.count >= 2 * Self.blockSize, encrypted.count % Self.blockSize == 0 else {
            throw .malformedPacket("AES-CBC-128 payload length \(encrypted.count) is not IV + n*16")
        }
        let plain: [UInt8]
        do {
            let iv = try AES._CBC.IV(ivBytes: encrypted.prefix(Self.blockSize))
            plain = Array(
                try AES._CBC.decrypt(encrypted.dropFirst(Self.blockSize), using: key, iv: iv, noPadding: true)
            )
        } catch {
            throw .malformedPacket("AES-CBC-128 decryption failed: \(error)")
        }
        guard let padLengthByte = plain.last, Int(padLengthByte) < Self.blockSize else {
            throw .malformedPacket("AES-CBC-128 confidentiality pad length is invalid")
        }
        let padLength = Int(padLengthByte)
        let dataCount = plain.count - 1 - padLength
        guard dataCount >= 0 else {
            throw .malformedPacket("AES-CBC-128 confidentiality pad longer than the payload")
        }
        for index in 0..<padLength where plain[dataCount + index] != UInt8(index + 1) {
            throw .malformedPacket("AES-CBC-128 confidentiality pad bytes are not 01 02 03 ...")
        }
        return Array(plain.prefix(dataCount))
    }
}
