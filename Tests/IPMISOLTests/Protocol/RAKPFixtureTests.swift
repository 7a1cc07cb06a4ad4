import Testing
@testable import IPMISOL

/// Suite 3 and 17 key exchange and packet protection against independently computed bytes
/// (no peer on this machine speaks suite 17).
struct RAKPFixtureTests {
    static func exchange(_ fixtures: RAKPFixtures, suite: CipherSuite, bmcKey: [UInt8]? = nil) -> RAKPKeyExchange {
        let inputs = fixtures.inputs
        return RAKPKeyExchange(
            algorithm: suite.authentication,
            userKey: Array(inputs.password.utf8),
            bmcKey: bmcKey,
            remoteConsoleSessionID: inputs.sidm,
            managedSystemSessionID: inputs.sidc,
            remoteConsoleRandom: [UInt8](hex: inputs.rm),
            managedSystemRandom: [UInt8](hex: inputs.rc),
            managedSystemGUID: [UInt8](hex: inputs.guid),
            requestedRole: inputs.role,
            username: Array(inputs.username.utf8)
        )
    }

    @Test(arguments: [CipherSuite.suite3, .suite17])
    func keyExchangeMatchesSpecificationFormulas(suite: CipherSuite) throws {
        let fixtures = try RAKPFixtures.load()
        let expected = try #require(fixtures.suites.first { $0.suite == suite.id })
        let exchange = Self.exchange(fixtures, suite: suite)
        #expect(exchange.rakp2AuthenticationCode == [UInt8](hex: expected.rakp2))
        #expect(exchange.rakp3AuthenticationCode == [UInt8](hex: expected.rakp3))
        #expect(exchange.sessionIntegrityKey == [UInt8](hex: expected.sik))
        #expect(exchange.k1 == [UInt8](hex: expected.k1))
        #expect(exchange.k2 == [UInt8](hex: expected.k2))
        #expect(exchange.rakp4IntegrityCheckValue == [UInt8](hex: expected.rakp4))
        #expect(exchange.rakp4IntegrityCheckValue.count == (suite.id == 17 ? 16 : 12))
    }

    @Test(arguments: [CipherSuite.suite3, .suite17])
    func bmcKeyChangesOnlyTheSessionKeys(suite: CipherSuite) throws {
        let fixtures = try RAKPFixtures.load()
        let expected = try #require(fixtures.suitesWithKg.first { $0.suite == suite.id })
        let exchange = Self.exchange(fixtures, suite: suite, bmcKey: [UInt8](hex: fixtures.kg))
        #expect(exchange.rakp2AuthenticationCode == [UInt8](hex: expected.rakp2))
        #expect(exchange.sessionIntegrityKey == [UInt8](hex: expected.sik))
        #expect(exchange.k1 == [UInt8](hex: expected.k1))
        #expect(exchange.rakp4IntegrityCheckValue == [UInt8](hex: expected.rakp4))
    }

    @Test(arguments: [CipherSuite.suite3, .suite17])
    func encryptedAuthenticatedPacketMatchesFixture(suite: CipherSuite) throws {
        let fixtures = try RAKPFixtures.load()
        let expected = try #require(fixtures.suites.first { $0.suite == suite.id })
        let exchange = Self.exchange(fixtures, suite: suite)
        let message = DeviceID.request.encode(sequence: fixtures.inputs.rqseq)
        #expect(message == [UInt8](hex: expected.message))
        let security = SessionSecurity(
            integrity: suite.integrity, k1: exchange.k1, confidentiality: try AESCBC128(k2: exchange.k2)
        )
        let packet = try IPMI20SessionWrapper.encode(
            payloadType: .ipmiMessage, sessionID: fixtures.inputs.sidc, sequenceNumber: fixtures.inputs.seq,
            payload: message, security: security, iv: [UInt8](hex: fixtures.inputs.iv)
        )
        #expect(packet == [UInt8](hex: expected.packet))

        let decoded = try IPMI20SessionWrapper.decode(packet, security: security)
        #expect(decoded.payload == message)
        #expect(decoded.isEncrypted && decoded.isAuthenticated)
        #expect(decoded.sequenceNumber == fixtures.inputs.seq)
    }

    @Test(arguments: [CipherSuite.suite3, .suite17])
    func tamperedPacketFailsIntegrity(suite: CipherSuite) throws {
        let fixtures = try RAKPFixtures.load()
        let expected = try #require(fixtures.suites.first { $0.suite == suite.id })
        let exchange = Self.exchange(fixtures, suite: suite)
        let security = SessionSecurity(
            integrity: suite.integrity, k1: exchange.k1, confidentiality: try AESCBC128(k2: exchange.k2)
        )
        var packet = [UInt8](hex: expected.packet)
        packet[20] ^= 0x01
        #expect(throws: IPMIError.integrityCheckFailed("RMCP+ packet AuthCode does not verify")) {
            try IPMI20SessionWrapper.decode(packet, security: security)
        }
    }
}
