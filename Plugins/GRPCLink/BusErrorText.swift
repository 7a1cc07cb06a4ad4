import Foundation
import Kernel

/// A ``BusError`` as text that crosses the wire in an error field or a gRPC status message:
/// JSON when the peer is a tether link, readable either way.
enum BusErrorText {
    static func encode(_ error: BusError) -> String {
        guard let data = try? JSONEncoder().encode(error) else { return error.description }
        return String(decoding: data, as: UTF8.self)
    }

    /// The error the text names; text that is not a JSON bus error becomes a `remote` error
    /// with code `link` carrying the text.
    static func decode(_ text: String) -> BusError {
        (try? JSONDecoder().decode(BusError.self, from: Data(text.utf8))) ?? .remote(code: "link", message: text)
    }
}
