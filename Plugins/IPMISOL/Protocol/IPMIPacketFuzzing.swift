/// Entry point for fuzzing every parser of BMC input with one byte string (the libFuzzer
/// target `IPMISOLFuzz` and a short seeded run in the tests call it). Malformed input must
/// only ever throw; a crash, trap or hang here is a bug.
public enum IPMIPacketFuzzing {
    /// Fixed keys, so that the integrity and AES paths of the session wrapper run too.
    static let authenticated: SessionSecurity? = {
        guard let cipher = try? AESCBC128(k2: Array(0x40..<0x54)) else { return nil }
        return SessionSecurity(integrity: .hmacSHA1_96, k1: Array(0x20..<0x34), confidentiality: cipher)
    }()

    static let encryptedOnly: SessionSecurity? = {
        guard let cipher = try? AESCBC128(k2: Array(0x40..<0x54)) else { return nil }
        return SessionSecurity(integrity: .none, k1: [], confidentiality: cipher)
    }()

    static let sha256: SessionSecurity = SessionSecurity(integrity: .hmacSHA256_128, k1: Array(0x60..<0x80), confidentiality: nil)

    /// Runs `bytes` through every decoder and through the session and SOL state machines.
    public static func parse(_ bytes: [UInt8]) {
        // Datagram level.
        var reader = ByteReader(bytes, context: "fuzz")
        _ = try? RMCPHeader.decode(&reader)
        _ = try? ASFPresencePong.decode(bytes)
        if let message = try? IPMI15SessionWrapper.decode(bytes) {
            _ = try? IPMIResponse.decode(message)
        }
        for security in [SessionSecurity.none, authenticated, encryptedOnly, sha256].compactMap({ $0 }) {
            if let packet = try? IPMI20SessionWrapper.decode(bytes, security: security) {
                _ = try? IPMIResponse.decode(packet.payload)
            }
        }
        // Message level: payloads and response data.
        _ = try? IPMIResponse.decode(bytes)
        _ = try? OpenSessionResponse.decode(bytes)
        _ = try? RAKPMessage2.decode(bytes)
        _ = try? RAKPMessage4.decode(bytes)
        _ = try? ChannelAuthenticationCapabilities.decode(bytes)
        if let records = try? ChannelCipherSuites.decodeResponse(bytes) {
            _ = try? ChannelCipherSuites.suiteIDs(in: records)
        }
        _ = try? ChannelCipherSuites.suiteIDs(in: bytes)
        _ = try? DeviceID.decode(bytes)
        _ = try? ChassisStatus.decode(bytes)
        _ = try? BootOverride.decode(bytes)
        _ = try? SELInfo.decode(bytes)
        _ = try? SELReservation.decodeReservationID(bytes)
        _ = try? SELReservation.decodeClearProgress(bytes)
        if let (_, entry) = try? SELEntry.decodeResponse(bytes) {
            _ = SELSummary.describe(entry)
        }
        _ = try? SOLPayloadActivation.decode(bytes)
        _ = try? SOLPayloadActivation.decodeInstanceHolder(bytes)
        if let cipher = encryptedOnly?.confidentiality {
            _ = try? cipher.decrypt(bytes)
        }
        feedStateMachines(bytes)
    }

    /// The session state machine right after `start` (waiting for capabilities) and an SOL
    /// state machine with one packet in flight, each fed the bytes as a datagram / packet.
    static func feedStateMachines(_ bytes: [UInt8]) {
        var session = RMCPPlusSession.StateMachine(configuration: RMCPPlusSession.Configuration(
            username: Array("admin".utf8), password: Array("password".utf8), bmcKey: nil, privilege: .administrator,
            cipherSuitePolicy: .allowInsecure, attemptTimeout: .seconds(1), maximumAttempts: 2,
            randomBytes: { count in [UInt8](repeating: 0x5A, count: count) }
        ))
        _ = session.handle(.start)
        _ = session.handle(.datagramReceived(bytes))
        guard let packet = try? SOLPacket.decode(bytes) else { return }
        var sol = SOLStateMachine(configuration: SOLStateMachine.Configuration(
            maximumChunk: 4, retransmitTimeout: .milliseconds(100), maximumAttempts: 2, busyRetryDelay: .milliseconds(10), firstSequence: 3
        ))
        _ = sol.handle(.write(Array("fuzz-input".utf8)))
        _ = sol.handle(.packetReceived(packet))
        _ = sol.handle(.consumerReady(false))
        _ = sol.handle(.packetReceived(packet))
        _ = sol.handle(.consumerReady(true))
    }
}
