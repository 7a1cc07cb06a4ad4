@testable import RFB

/// Feeds server bytes to an `RFBClientHandshake` and records what it does.
struct ClientHandshakeDriver {
    var handshake: RFBClientHandshake
    var sent: [[UInt8]] = []
    var tlsRequests: [RFBVeNCryptSubtype] = []
    var completion: RFBClientHandshake.Completion?

    init(password: String? = nil, allowsVeNCryptTLS: Bool = false) {
        handshake = RFBClientHandshake(
            configuration: .init(password: password, allowsVeNCryptTLS: allowsVeNCryptTLS)
        )
    }

    init(configuration: RFBClientHandshake.Configuration) {
        handshake = RFBClientHandshake(configuration: configuration)
    }

    mutating func feed(_ bytes: [UInt8]) throws(RFBHandshakeError) {
        record(try handshake.receive(bytes))
    }

    /// Feeds one byte at a time, to prove no step depends on packet boundaries.
    mutating func feedBytewise(_ bytes: [UInt8]) throws(RFBHandshakeError) {
        for byte in bytes {
            record(try handshake.receive([byte]))
        }
    }

    mutating func tlsEstablished() throws(RFBHandshakeError) {
        record(try handshake.tlsEstablished())
    }

    /// All bytes sent so far, concatenated.
    var allSent: [UInt8] { sent.flatMap { $0 } }

    private mutating func record(_ actions: [RFBClientHandshake.Action]) {
        for action in actions {
            switch action {
            case .send(let bytes): sent.append(bytes)
            case .startTLS(let subtype): tlsRequests.append(subtype)
            case .completed(let result): completion = result
            }
        }
    }
}
