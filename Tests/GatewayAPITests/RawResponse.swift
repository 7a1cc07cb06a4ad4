import Foundation

/// An HTTP/1.1 answer read off a raw connection.
struct RawResponse: Sendable {
    let status: Int
    /// Lower-cased names.
    let headers: [String: String]
    /// What followed the head (a body, or WebSocket frames after a 101).
    let rest: [UInt8]

    init?(_ bytes: [UInt8]) {
        guard let end = Self.headEnd(in: bytes) else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        self.status = status
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        self.headers = headers
        rest = Array(bytes[(end + 4)...])
    }

    /// The index of the blank line that ends the head.
    static func headEnd(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    var error: WireError? { try? JSONDecoder().decode(WireError.self, from: Data(rest)) }
}
