/// One complete client-to-server message from the viewer, exactly as received.
public struct RFBClientMessage: Sendable, Hashable {
    /// What kind of message it is.
    public let kind: Kind
    /// The whole message, type byte included; forward it unchanged.
    public let bytes: [UInt8]

    public init(kind: Kind, bytes: [UInt8]) {
        self.kind = kind
        self.bytes = bytes
    }
}
