import Foundation

/// An inclusive range of IPv4 addresses from the `discovery.ranges` setting:
/// `10.0.0.5`, `10.0.0.1-10.0.0.40` or `10.0.0.0/26`. Pure parsing, no I/O.
struct IPv4Range: Sendable, Equatable {
    var first: UInt32
    var last: UInt32

    var count: Int { Int(last - first) + 1 }

    /// Every address, as dotted quads.
    var addresses: [String] { (first...last).map(Self.format) }

    init(first: UInt32, last: UInt32) {
        self.first = first
        self.last = last
    }

    /// - Throws: a reason naming what is wrong with `text`.
    init(parsing text: String) throws(IPMISOLConfigError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        func fail(_ reason: String) -> IPMISOLConfigError { IPMISOLConfigError(path: "", reason: "\"\(text)\": \(reason)") }
        if let slash = trimmed.firstIndex(of: "/") {
            guard let base = Self.parse(String(trimmed[..<slash])) else { throw fail("not an IPv4 address") }
            guard let bits = Int(trimmed[trimmed.index(after: slash)...]), (16...32).contains(bits) else {
                throw fail("the prefix length must be 16...32")
            }
            let mask: UInt32 = bits == 32 ? .max : ~(UInt32.max >> UInt32(bits))
            self.init(first: base & mask, last: (base & mask) | ~mask)
        } else if let dash = trimmed.firstIndex(of: "-") {
            guard let low = Self.parse(String(trimmed[..<dash])), let high = Self.parse(String(trimmed[trimmed.index(after: dash)...])) else {
                throw fail("not two IPv4 addresses joined by -")
            }
            guard low <= high else { throw fail("the first address is above the last") }
            self.init(first: low, last: high)
        } else {
            guard let single = Self.parse(trimmed) else { throw fail("not an IPv4 address, a-b range or CIDR block") }
            self.init(first: single, last: single)
        }
    }

    static func parse(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard part.count <= 3, part.allSatisfy(\.isASCII), let octet = UInt8(part) else { return nil }
            value = value << 8 | UInt32(octet)
        }
        return value
    }

    static func format(_ address: UInt32) -> String {
        "\(address >> 24).\(address >> 16 & 0xFF).\(address >> 8 & 0xFF).\(address & 0xFF)"
    }
}
