/// A FIFO of received bytes that the handshake parsers and the message framer consume from
/// the front. Reads are all-or-nothing: a read that needs more bytes than are buffered
/// returns `nil` and consumes nothing.
struct RFBByteQueue: Sendable {
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

    func uint16(at offset: Int) -> UInt16? {
        guard let high = byte(at: offset), let low = byte(at: offset + 1) else { return nil }
        return UInt16(high) << 8 | UInt16(low)
    }

    func uint32(at offset: Int) -> UInt32? {
        guard let high = uint16(at: offset), let low = uint16(at: offset + 2) else { return nil }
        return UInt32(high) << 16 | UInt32(low)
    }

    /// Removes and returns the first `length` bytes, or returns `nil` if fewer are buffered.
    mutating func take(_ length: Int) -> [UInt8]? {
        guard length >= 0, length <= count else { return nil }
        let bytes = Array(storage[readIndex..<(readIndex + length)])
        readIndex += length
        compactIfWorthwhile()
        return bytes
    }

    /// Removes and returns everything buffered.
    mutating func takeAll() -> [UInt8] {
        let bytes = Array(storage[readIndex...])
        storage.removeAll(keepingCapacity: false)
        readIndex = 0
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
