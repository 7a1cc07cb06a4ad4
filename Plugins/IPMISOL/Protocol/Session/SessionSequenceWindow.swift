/// Replay protection for inbound RMCP+ session sequence numbers (IPMI v2.0 section 6.12.13):
/// a packet is accepted when its number is ahead of the highest seen by at most
/// ``aheadLimit``, or behind it by less than ``windowSize`` and not seen before.
struct SessionSequenceWindow: Equatable, Sendable {
    static let windowSize: UInt32 = 32
    static let aheadLimit: UInt32 = 32

    private var highest: UInt32?
    /// Bit i set: `highest - i` has been received.
    private var seen: UInt32 = 0

    /// Records `sequence` and returns true if it is fresh; false for duplicates, zero, and
    /// numbers outside the window.
    mutating func accept(_ sequence: UInt32) -> Bool {
        guard sequence != 0 else { return false }
        guard let highest else {
            self.highest = sequence
            seen = 1
            return true
        }
        if sequence > highest {
            let shift = sequence - highest
            guard shift <= Self.aheadLimit else { return false }
            seen = shift >= 32 ? 1 : (seen << shift) | 1
            self.highest = sequence
            return true
        }
        let behind = highest - sequence
        guard behind < Self.windowSize else { return false }
        let bit: UInt32 = 1 << behind
        guard seen & bit == 0 else { return false }
        seen |= bit
        return true
    }
}
