extension RFBClientMessageFramer {
    /// Bounds on variable-length client messages.
    public struct Limits: Sendable, Hashable {
        /// Most encodings in one SetEncodings; real viewers send a few dozen.
        public var maximumEncodingCount: Int
        /// Largest ClientCutText payload; QEMU itself refuses more than 1 MiB.
        public var maximumCutTextLength: Int

        public init(maximumEncodingCount: Int = 1024, maximumCutTextLength: Int = 1 << 20) {
            self.maximumEncodingCount = maximumEncodingCount
            self.maximumCutTextLength = maximumCutTextLength
        }
    }
}
