extension RFBClientHandshake {
    /// VeNCrypt sub-types this configuration can use, strongest first. Plain and SASL need a
    /// user name, which a BMC VNC login does not have here.
    var usableVeNCryptSubtypes: [RFBVeNCryptSubtype] {
        configuration.password == nil
            ? [.x509None, .tlsNone]
            : [.x509VNC, .x509None, .tlsVNC, .tlsNone]
    }

    mutating func readVeNCryptVersion() throws(RFBHandshakeError) -> [Action]? {
        guard let bytes = input.take(2) else { return nil }
        let (major, minor) = (bytes[0], bytes[1])
        guard major > 0 || minor >= 2 else {
            throw .unsupportedVeNCryptVersion(major: major, minor: minor)
        }
        state = .awaitingVeNCryptVersionAcknowledgement
        return [.send([0, 2])]
    }

    mutating func readVeNCryptVersionAcknowledgement() throws(RFBHandshakeError) -> [Action]? {
        guard let bytes = input.take(1) else { return nil }
        guard bytes[0] == 0 else { throw .veNCryptRejected(step: "version 0.2") }
        state = .awaitingVeNCryptSubtypes
        return []
    }

    mutating func readVeNCryptSubtypes() throws(RFBHandshakeError) -> [Action]? {
        guard let count = input.byte(at: 0) else { return nil }
        guard let bytes = input.take(1 + 4 * Int(count)) else { return nil }
        let offered = (0..<Int(count)).map { RFBVeNCryptSubtype(rawValue: bytes.bigEndianUInt32(at: 1 + 4 * $0)) }
        guard let chosen = usableVeNCryptSubtypes.first(where: offered.contains) else {
            throw .noSupportedVeNCryptSubtype(offered: offered)
        }
        state = .awaitingVeNCryptSubtypeAcknowledgement(chosen)
        var reply: [UInt8] = []
        reply.appendBigEndian(chosen.rawValue)
        return [.send(reply)]
    }

    mutating func readVeNCryptSubtypeAcknowledgement(_ subtype: RFBVeNCryptSubtype) throws(RFBHandshakeError) -> [Action]? {
        guard let bytes = input.take(1) else { return nil }
        guard bytes[0] == 1 else { throw .veNCryptRejected(step: "sub-type \(subtype)") }
        guard input.count == 0 else {
            throw .malformed("\(input.count) unexpected bytes before the TLS handshake")
        }
        veNCryptSubtype = subtype
        state = .awaitingTLS(subtype)
        return [.startTLS(subtype)]
    }
}
