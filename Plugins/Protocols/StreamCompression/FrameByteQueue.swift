/// A FIFO of received bytes that `LZ4FrameDecoder` consumes from the front. Reads are
/// all-or-nothing: a read that needs more bytes than are buffered returns `nil` and consumes
/// nothing.
struct FrameByteQueue: Sendable {
    private var storage: [UInt8] = []
    private var readIndex = 0

    /// Number of buffered, unconsumed bytes.
    var count: Int { storage.count - readIndex }

    mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        storage.append(contentsOf: bytes)
    }

    func byte(at offset: Int) -> UInt8? {
        guard offset >= 0, offset < count else { return nil }
        return storage[readIndex + offset]
    }

    /// A big-endian `UInt32` at `offset`, or `nil` while fewer bytes are buffered.
    func uint32(at offset: Int) -> UInt32? {
        guard offset >= 0, offset + 4 <= count else { return nil }
        let start = readIndex + offset
        return UInt32(storage[start]) << 24 | UInt32(storage[start + 1]) << 16
            | UInt32(storage[start + 2]) << 8 | UInt32(storage[start + 3])
    }

    /// Removes and returns the first `length` bytes, or returns `nil` if fewer are buffered.
    mutating func take(_ length: Int) -> [UInt8]? {
        guard length >= 0, length <= count else { return nil }
        let bytes = Array(storage[readIndex..<(readIndex + length)])
        readIndex += length
        compactIfWorthwhile()
        return bytes
    }

    private mutating func compactIfWorthwhile() {
        if readIndex == storage.count {
            storage.removeAll(keepingCapacity: true)
            readIndex = 0
        } else if readIndex >= 4096, readIndex >= count {
            storage.removeFirst(readIndex)
            readIndex = 0
        }
    }
}
