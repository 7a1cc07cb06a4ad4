import NIOCore

extension SOLConsole {
    /// The back-pressured sequence of characters received from the host.
    public struct Inbound: AsyncSequence, Sendable {
        public typealias Element = [UInt8]
        let base: SOLAttachment.Producer

        public func makeAsyncIterator() -> AsyncIterator {
            AsyncIterator(base: base.makeAsyncIterator())
        }

        public struct AsyncIterator: AsyncIteratorProtocol {
            var base: SOLAttachment.Producer.AsyncIterator

            public mutating func next() async throws -> [UInt8]? {
                try await base.next()
            }
        }
    }
}
