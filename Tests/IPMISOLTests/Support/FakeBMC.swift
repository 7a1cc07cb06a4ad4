@testable import IPMISOL

/// A scripted BMC for driving `RMCPPlusSession.StateMachine` without sockets: it decodes
/// what the state machine sends and builds the answers a real BMC would.
struct FakeBMC {
    var password: [UInt8] = Array("password".utf8)
    var username: [UInt8] = Array("admin".utf8)
    var offeredRecords: [UInt8] = [UInt8](hex: "c000004080 c003014181")
    var managedSessionID: UInt32 = 0x0200_0000
    var random: [UInt8] = Array(0xF0...0xFF)
    var guid: [UInt8] = [UInt8](hex: "a123456789abcdefa123456789abcdef")
    var rakp2Status: RAKPStatusCode = .noErrors
    var consoleSessionID: UInt32 = 0
    var exchange: RAKPKeyExchange?
    var security: SessionSecurity = .none
    var outbound = OutboundSequenceCounter()

    /// The session-less v1.5 answer to a request datagram.
    static func sessionlessAnswer(to datagram: [UInt8], data: [UInt8]) throws -> [UInt8] {
        let message = try IPMI15SessionWrapper.decode(datagram)
        return IPMI15SessionWrapper.encode(message: response(to: message, data: data))
    }

    /// An IPMI response message (completion code first in `data`) for a request message.
    static func response(to request: [UInt8], data: [UInt8]) -> [UInt8] {
        let netFn = (request[1] >> 2) | 1
        var head: [UInt8] = [0x81, netFn << 2]
        head.append(IPMIChecksum.of(head[...]))
        var body: [UInt8] = [0x20, request[4], request[5]] + data
        body.append(IPMIChecksum.of(body[...]))
        return head + body
    }

    static func handshake(_ type: PayloadType, _ payload: [UInt8]) throws -> [UInt8] {
        try IPMI20SessionWrapper.encode(payloadType: type, sessionID: 0, sequenceNumber: 0, payload: payload, security: .none, iv: [])
    }

    mutating func openSessionResponse(to datagram: [UInt8], status: RAKPStatusCode = .noErrors) throws -> [UInt8] {
        let request = try IPMI20SessionWrapper.decode(datagram, security: .none).payload
        consoleSessionID = UInt32(request[4]) | UInt32(request[5]) << 8 | UInt32(request[6]) << 16 | UInt32(request[7]) << 24
        guard status == .noErrors else { return try Self.handshake(.openSessionResponse, [request[0], status.rawValue]) }
        var payload: [UInt8] = [request[0], 0, 4, 0]
        payload.appendLittleEndian(consoleSessionID)
        payload.appendLittleEndian(managedSessionID)
        payload += Array(request[8...])
        return try Self.handshake(.openSessionResponse, payload)
    }

    mutating func rakp2(to datagram: [UInt8]) throws -> [UInt8] {
        let request = try IPMI20SessionWrapper.decode(datagram, security: .none).payload
        guard rakp2Status == .noErrors else { return try Self.handshake(.rakpMessage2, [request[0], rakp2Status.rawValue]) }
        let name = Array(request[28..<(28 + Int(request[27]))])
        exchange = RAKPKeyExchange(
            algorithm: .hmacSHA1, userKey: password, bmcKey: nil, remoteConsoleSessionID: consoleSessionID,
            managedSystemSessionID: managedSessionID, remoteConsoleRandom: Array(request[8..<24]),
            managedSystemRandom: random, managedSystemGUID: guid, requestedRole: request[24], username: name
        )
        var payload: [UInt8] = [request[0], 0, 0, 0]
        payload.appendLittleEndian(consoleSessionID)
        payload += random + guid + (exchange?.rakp2AuthenticationCode ?? [])
        return try Self.handshake(.rakpMessage2, payload)
    }

    mutating func rakp4(to datagram: [UInt8]) throws -> [UInt8] {
        let request = try IPMI20SessionWrapper.decode(datagram, security: .none).payload
        guard let exchange, Array(request[8...]) == exchange.rakp3AuthenticationCode else {
            return try Self.handshake(.rakpMessage4, [request[0], 0x0F])
        }
        security = SessionSecurity(integrity: .hmacSHA1_96, k1: exchange.k1, confidentiality: try AESCBC128(k2: exchange.k2))
        var payload: [UInt8] = [request[0], 0, 0, 0]
        payload.appendLittleEndian(consoleSessionID)
        return try Self.handshake(.rakpMessage4, payload + exchange.rakp4IntegrityCheckValue)
    }

    /// Decodes a session request and returns its IPMI message.
    func sessionRequest(_ datagram: [UInt8]) throws -> RMCPPlusPacket {
        try IPMI20SessionWrapper.decode(datagram, security: security)
    }

    mutating func sessionAnswer(to datagram: [UInt8], data: [UInt8]) throws -> [UInt8] {
        let request = try sessionRequest(datagram)
        return try IPMI20SessionWrapper.encode(
            payloadType: .ipmiMessage, sessionID: consoleSessionID, sequenceNumber: outbound.take(),
            payload: Self.response(to: request.payload, data: data), security: security, iv: Array(repeating: 3, count: 16)
        )
    }
}
