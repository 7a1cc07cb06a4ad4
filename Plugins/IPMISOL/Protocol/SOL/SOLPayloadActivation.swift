/// Activate Payload (App 0x48) and Deactivate Payload (App 0x49) for SOL, instance 1
/// (IPMI v2.0 sections 24.1 and 24.2).
struct SOLPayloadActivation: Equatable, Sendable {
    /// Completion code 0x80 of Activate Payload.
    static let alreadyActive = CompletionCode(rawValue: 0x80)
    /// Completion code 0x80 of Deactivate Payload.
    static let alreadyDeactivated = CompletionCode(rawValue: 0x80)
    static let instance: UInt8 = 0x01

    /// Largest SOL payload (character data) the BMC accepts per packet.
    var inboundPayloadSize: UInt16
    /// Largest SOL payload the BMC sends.
    var outboundPayloadSize: UInt16
    var port: UInt16

    /// Encryption and authentication follow the session; serial alerts fail while active;
    /// the BMC asserts CTS/DCD at once.
    static func activateRequest(encrypted: Bool, authenticated: Bool) -> IPMIRequest {
        var auxiliary: UInt8 = 0
        if encrypted { auxiliary |= 0x80 }
        if authenticated { auxiliary |= 0x40 }
        return IPMIRequest(
            .application, command: 0x48,
            data: [PayloadType.sol.rawValue, instance, auxiliary, 0x00, 0x00, 0x00],
            name: "Activate Payload (SOL)"
        )
    }

    static let deactivateRequest = IPMIRequest(
        .application, command: 0x49, data: [PayloadType.sol.rawValue, instance, 0x00, 0x00, 0x00, 0x00],
        name: "Deactivate Payload (SOL)"
    )

    /// Get Payload Instance Info (App 0x4B, section 24.5) for SOL instance 1.
    static let instanceInfoRequest = IPMIRequest(
        .application, command: 0x4B, data: [PayloadType.sol.rawValue, instance], name: "Get Payload Instance Info (SOL)"
    )

    /// The ID of the session the SOL instance is active in (the BMC's managed system session
    /// ID); 0 when it is not active.
    static func decodeInstanceHolder(_ data: [UInt8]) throws(IPMIError) -> UInt32 {
        var reader = ByteReader(data, context: "Get Payload Instance Info")
        return try reader.readUInt32("session ID")
    }

    static func decode(_ data: [UInt8]) throws(IPMIError) -> SOLPayloadActivation {
        var reader = ByteReader(data, context: "Activate Payload")
        try reader.skip(4, "auxiliary data")
        let inbound = try reader.readUInt16("inbound payload size")
        let outbound = try reader.readUInt16("outbound payload size")
        let port = try reader.readUInt16("payload UDP port")
        return SOLPayloadActivation(inboundPayloadSize: inbound, outboundPayloadSize: outbound, port: port)
    }
}
