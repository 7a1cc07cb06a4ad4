extension RFBClientMessage {
    /// Client-to-server message kinds accepted by `RFBClientMessageFramer`
    /// (RFC 6143 7.5 plus the community extensions that QEMU and common viewers use).
    public enum Kind: Sendable, Hashable {
        /// Type 0, 20 bytes.
        case setPixelFormat
        /// Type 2, 4 + 4 x count bytes.
        case setEncodings
        /// Type 3, 10 bytes.
        case framebufferUpdateRequest
        /// Type 4, 8 bytes.
        case keyEvent
        /// Type 5, 6 bytes.
        case pointerEvent
        /// Type 6 with a non-negative length: Latin-1 text, 8 + length bytes.
        case clientCutText
        /// Type 6 with a negative length: Extended Clipboard, 8 + |length| bytes.
        case extendedClientCutText
        /// Type 150, 10 bytes.
        case enableContinuousUpdates
        /// Type 248, 9 + payload (at most 64) bytes.
        case clientFence
        /// Type 250, 4 bytes.
        case xvp
        /// Type 251, 8 + 16 x screens bytes.
        case setDesktopSize
        /// Type 255 sub-type 0 (QEMU Extended Key Event), 12 bytes.
        case qemuExtendedKeyEvent
        /// Type 255 sub-type 1 (QEMU Audio), 4 or 10 bytes.
        case qemuAudio
    }
}

extension RFBClientMessage.Kind {
    /// Whether the message comes from a person at the viewer (keys, pointer, clipboard)
    /// rather than from the viewer's own housekeeping (update requests, encodings, fences).
    /// Idle timeouts count only these.
    public var isUserInput: Bool {
        switch self {
        case .keyEvent, .pointerEvent, .qemuExtendedKeyEvent, .clientCutText, .extendedClientCutText: true
        default: false
        }
    }
}
