import Foundation

extension JSONEncoder {
    /// Sorted keys, ISO 8601 dates: stable, readable answers.
    static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
