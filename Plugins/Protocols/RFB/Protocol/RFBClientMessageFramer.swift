/// Splits the viewer's client-to-server byte stream into whole, validated messages so the
/// agent knows message boundaries and can refuse garbage before it reaches the BMC.
/// Messages are returned byte-for-byte as received; nothing is rewritten.
///
/// Pure: feed bytes with `append(_:)`, then call `nextMessage()` until it returns `nil`.
public struct RFBClientMessageFramer: Sendable {
    private let limits: Limits
    private var input = RFBByteQueue()
    private var failure: RFBFramingError?

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Bytes buffered but not yet returned as a message.
    public var bufferedByteCount: Int { input.count }

    /// Adds bytes received from the viewer.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        input.append(contentsOf: bytes)
    }

    /// Returns the next complete message, or `nil` when more bytes are needed.
    /// - Throws: `RFBFramingError` for an unknown type or an out-of-bounds field; every later
    ///   call throws the same error.
    public mutating func nextMessage() throws(RFBFramingError) -> RFBClientMessage? {
        if let failure { throw failure }
        do throws(RFBFramingError) {
            guard let (kind, length) = try measureNextMessage(),
                  let bytes = input.take(length)
            else { return nil }
            try validate(kind, bytes)
            return RFBClientMessage(kind: kind, bytes: bytes)
        } catch {
            failure = error
            throw error
        }
    }

    /// The kind and total length of the message at the front, once enough of it is buffered
    /// to know them.
    private func measureNextMessage() throws(RFBFramingError) -> (RFBClientMessage.Kind, Int)? {
        guard let type = input.byte(at: 0) else { return nil }
        switch type {
        case 0: return (.setPixelFormat, 20)
        case 2: return try measureSetEncodings()
        case 3: return (.framebufferUpdateRequest, 10)
        case 4: return (.keyEvent, 8)
        case 5: return (.pointerEvent, 6)
        case 6: return try measureClientCutText()
        case 150: return (.enableContinuousUpdates, 10)
        case 248: return try measureClientFence()
        case 250: return (.xvp, 4)
        case 251: return try measureSetDesktopSize()
        case 255: return try measureQEMUMessage()
        default: throw .unknownMessageType(type)
        }
    }

    private func measureSetEncodings() throws(RFBFramingError) -> (RFBClientMessage.Kind, Int)? {
        guard let count = input.uint16(at: 2) else { return nil }
        guard count <= limits.maximumEncodingCount else {
            throw .lengthLimitExceeded(message: "SetEncodings", field: "encoding count",
                                       value: UInt64(count), limit: limits.maximumEncodingCount)
        }
        return (.setEncodings, 4 + 4 * Int(count))
    }

    private func measureClientCutText() throws(RFBFramingError) -> (RFBClientMessage.Kind, Int)? {
        guard let rawLength = input.uint32(at: 4) else { return nil }
        // A negative length announces the Extended Clipboard format; its size is the magnitude.
        let signedLength = Int32(bitPattern: rawLength)
        let length = signedLength.magnitude
        let kind: RFBClientMessage.Kind = signedLength < 0 ? .extendedClientCutText : .clientCutText
        guard length <= limits.maximumCutTextLength else {
            throw .lengthLimitExceeded(message: "ClientCutText", field: "length",
                                       value: UInt64(length), limit: limits.maximumCutTextLength)
        }
        if kind == .extendedClientCutText, length < 4 {
            throw .invalidField(message: "Extended ClientCutText", detail: "length \(length) is below the 4-byte header")
        }
        return (kind, 8 + Int(length))
    }

    private func measureClientFence() throws(RFBFramingError) -> (RFBClientMessage.Kind, Int)? {
        guard let payloadLength = input.byte(at: 8) else { return nil }
        guard payloadLength <= 64 else {
            throw .lengthLimitExceeded(message: "ClientFence", field: "payload length",
                                       value: UInt64(payloadLength), limit: 64)
        }
        return (.clientFence, 9 + Int(payloadLength))
    }

    private func measureSetDesktopSize() throws(RFBFramingError) -> (RFBClientMessage.Kind, Int)? {
        guard let screens = input.byte(at: 6) else { return nil }
        guard screens > 0 else {
            throw .invalidField(message: "SetDesktopSize", detail: "number of screens is 0")
        }
        return (.setDesktopSize, 8 + 16 * Int(screens))
    }

    private func measureQEMUMessage() throws(RFBFramingError) -> (RFBClientMessage.Kind, Int)? {
        guard let subtype = input.byte(at: 1) else { return nil }
        switch subtype {
        case 0:
            return (.qemuExtendedKeyEvent, 12)
        case 1:
            guard let operation = input.uint16(at: 2) else { return nil }
            switch operation {
            case 0, 1: return (.qemuAudio, 4)
            case 2: return (.qemuAudio, 10)
            default: throw .unknownQEMUAudioOperation(operation)
            }
        default:
            throw .unknownQEMUSubtype(subtype)
        }
    }

    /// Checks fixed-size messages whose fields have restricted values.
    private func validate(_ kind: RFBClientMessage.Kind, _ bytes: [UInt8]) throws(RFBFramingError) {
        switch kind {
        case .setPixelFormat:
            let bitsPerPixel = bytes[4]
            guard RFBPixelFormat.validBitsPerPixel.contains(bitsPerPixel) else {
                throw .invalidField(message: "SetPixelFormat", detail: "bits-per-pixel \(bitsPerPixel) is not 8, 16 or 32")
            }
        default:
            break
        }
    }
}
