/// The RAKP key-exchange computations (IPMI v2.0 sections 13.31 and 13.32).
///
/// Naming follows the specification: "m" is the remote console, "c" the managed system
/// (BMC). Session IDs enter the HMACs as their 4 little-endian wire bytes.
struct RAKPKeyExchange: Sendable {
    var algorithm: AuthenticationAlgorithm
    /// Kuid: the user password (up to 20 bytes; HMAC pads the key with zeros anyway).
    var userKey: [UInt8]
    /// Kg: the BMC key; when nil or all zero, Kuid is used (section 13.31).
    var bmcKey: [UInt8]?
    var remoteConsoleSessionID: UInt32
    var managedSystemSessionID: UInt32
    var remoteConsoleRandom: [UInt8]
    var managedSystemRandom: [UInt8]
    var managedSystemGUID: [UInt8]
    var requestedRole: UInt8
    var username: [UInt8]

    /// RAKP 2 code: HMAC_Kuid(SIDm, SIDc, Rm, Rc, GUIDc, ROLEm, ULENGTHm, UNAMEm).
    var rakp2AuthenticationCode: [UInt8] {
        var input: [UInt8] = []
        input.appendLittleEndian(remoteConsoleSessionID)
        input.appendLittleEndian(managedSystemSessionID)
        input += remoteConsoleRandom + managedSystemRandom + managedSystemGUID
        input += [requestedRole, UInt8(username.count)] + username
        return algorithm.hmac(key: userKey, message: input)
    }

    /// RAKP 3 code: HMAC_Kuid(Rc, SIDm, ROLEm, ULENGTHm, UNAMEm).
    var rakp3AuthenticationCode: [UInt8] {
        var input = managedSystemRandom
        input.appendLittleEndian(remoteConsoleSessionID)
        input += [requestedRole, UInt8(username.count)] + username
        return algorithm.hmac(key: userKey, message: input)
    }

    /// SIK = HMAC_KG(Rm, Rc, ROLEm, ULENGTHm, UNAMEm).
    var sessionIntegrityKey: [UInt8] {
        let input = remoteConsoleRandom + managedSystemRandom + [requestedRole, UInt8(username.count)] + username
        let key: [UInt8]
        if let bmcKey, bmcKey.contains(where: { $0 != 0 }) {
            key = bmcKey
        } else {
            key = userKey
        }
        return algorithm.hmac(key: key, message: input)
    }

    /// K1 = HMAC_SIK(0x01 repeated to the HMAC length): the integrity key.
    var k1: [UInt8] {
        algorithm.hmac(key: sessionIntegrityKey, message: [UInt8](repeating: 0x01, count: algorithm.keyLength))
    }

    /// K2 = HMAC_SIK(0x02 repeated): the confidentiality key (AES uses its first 16 bytes).
    var k2: [UInt8] {
        algorithm.hmac(key: sessionIntegrityKey, message: [UInt8](repeating: 0x02, count: algorithm.keyLength))
    }

    /// RAKP 4 integrity check value: HMAC_SIK(Rm, SIDc, GUIDc), truncated to 12 bytes for
    /// HMAC-SHA1-96 and 16 bytes for HMAC-SHA256-128.
    var rakp4IntegrityCheckValue: [UInt8] {
        var input = remoteConsoleRandom
        input.appendLittleEndian(managedSystemSessionID)
        input += managedSystemGUID
        return Array(algorithm.hmac(key: sessionIntegrityKey, message: input).prefix(algorithm.integrityCheckValueLength))
    }
}
