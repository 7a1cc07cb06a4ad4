/// Why the viewer's message stream was rejected. The stream cannot be resynchronised after
/// this, so the connection should be closed.
public enum RFBFramingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A message type byte this framer does not know.
    case unknownMessageType(UInt8)
    /// A QEMU (type 255) message with an unknown sub-type.
    case unknownQEMUSubtype(UInt8)
    /// A QEMU Audio message with an unknown operation.
    case unknownQEMUAudioOperation(UInt16)
    /// A length or count field larger than allowed.
    case lengthLimitExceeded(message: String, field: String, value: UInt64, limit: Int)
    /// A field with a value the protocol does not allow.
    case invalidField(message: String, detail: String)

    public var description: String {
        switch self {
        case .unknownMessageType(let type):
            "viewer sent unknown RFB message type \(type)"
        case .unknownQEMUSubtype(let subtype):
            "viewer sent QEMU message with unknown sub-type \(subtype)"
        case .unknownQEMUAudioOperation(let operation):
            "viewer sent QEMU Audio message with unknown operation \(operation)"
        case .lengthLimitExceeded(let message, let field, let value, let limit):
            "viewer sent \(message) with \(field) \(value), above the limit of \(limit)"
        case .invalidField(let message, let detail):
            "viewer sent invalid \(message): \(detail)"
        }
    }
}
