/// A server's console output as a ring buffer addressed by absolute byte offsets.
///
/// Offset 0 is the first byte ever received; ``endOffset`` only grows. The buffer keeps the
/// last `capacity` bytes (``startOffset`` ..< ``endOffset``). A reader remembers the offset
/// it has read up to, so it gets every retained byte exactly once and never a gap it is not
/// told about (``Read/skipped``). Pure value type: no clock, no I/O.
struct ConsoleLog: Sendable {
    /// What a read returns.
    struct Read: Equatable, Sendable {
        /// The bytes from `from` (or from ``ConsoleLog/startOffset`` if `from` was overwritten).
        var bytes: [UInt8]
        /// The offset after the last returned byte: where the next read starts.
        var nextOffset: UInt64
        /// Bytes that were overwritten before the reader got to them.
        var skipped: UInt64
    }

    let capacity: Int
    private var storage: [UInt8]
    /// Where the byte at ``startOffset`` sits in `storage`.
    private var head = 0
    private(set) var endOffset: UInt64 = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        storage = []
        storage.reserveCapacity(min(self.capacity, 64 * 1024))
    }

    /// Bytes currently retained.
    var count: Int { storage.count }

    /// The oldest retained byte's offset.
    var startOffset: UInt64 { endOffset - UInt64(storage.count) }

    mutating func append(_ bytes: some Collection<UInt8>) {
        guard !bytes.isEmpty else { return }
        endOffset += UInt64(bytes.count)
        var incoming = bytes.count > capacity ? Array(bytes.suffix(capacity)) : Array(bytes)
        if storage.count < capacity {
            let room = capacity - storage.count
            storage += incoming.prefix(room)
            incoming.removeFirst(min(room, incoming.count))
        }
        // Full: overwrite the oldest bytes in place.
        for byte in incoming {
            storage[head] = byte
            head = (head + 1) % capacity
        }
    }

    /// Up to `limit` bytes from `offset`; an offset past the end returns nothing.
    func read(from offset: UInt64, limit: Int) -> Read {
        let start = max(offset, startOffset)
        let skipped = start - min(offset, start)
        guard start < endOffset, limit > 0 else {
            return Read(bytes: [], nextOffset: max(offset, start), skipped: skipped)
        }
        let available = Int(endOffset - start)
        let length = min(available, limit)
        let logical = Int(start - startOffset)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length)
        let first = (head + logical) % storage.count
        let firstRun = min(length, storage.count - first)
        bytes += storage[first..<(first + firstRun)]
        if firstRun < length {
            bytes += storage[0..<(length - firstRun)]
        }
        return Read(bytes: bytes, nextOffset: start + UInt64(length), skipped: skipped)
    }
}
