import Foundation

/// The human part of a BMC's error answer: the Redfish `error` object's messages, or the
/// start of a non-JSON body.
public enum RedfishErrorBody {
    static let maximumLength = 300

    /// The message of an error answer, at most 300 characters.
    public static func message(from body: Data) -> String {
        if let json = try? JSONDecoder().decode(JSONValue.self, from: body) {
            let error = json["error"]
            let extended = error["@Message.ExtendedInfo"].elements.compactMap { $0["Message"].text }
            let parts = extended.isEmpty ? [error["message"].text].compactMap { $0 } : extended
            if !parts.isEmpty { return clip(parts.joined(separator: "; ")) }
        }
        let text = String(decoding: body.prefix(maximumLength * 4), as: UTF8.self)
        return clip(text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " "))
    }

    private static func clip(_ text: String) -> String {
        text.count > maximumLength ? String(text.prefix(maximumLength)) + "..." : text
    }
}
