import Foundation

/// Parses a BMC's response body.
public enum RedfishJSON {
    /// Parses `bytes` as one JSON document.
    /// - Parameter source: what the bytes are (`GET /redfish/v1/Systems`), for the error.
    /// - Throws: ``RedfishError/malformedJSON(source:detail:)`` when the bytes are not JSON.
    public static func parse(_ bytes: Data, source: String) throws(RedfishError) -> JSONValue {
        guard !bytes.isEmpty else { throw .malformedJSON(source: source, detail: "the body is empty") }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: bytes)
        } catch let error as DecodingError {
            throw .malformedJSON(source: source, detail: describe(error))
        } catch {
            throw .malformedJSON(source: source, detail: "\(error)")
        }
    }

    /// Parses `bytes` and requires a JSON object, as every Redfish resource is.
    public static func parseResource(_ bytes: Data, source: String) throws(RedfishError) -> JSONValue {
        let value = try parse(bytes, source: source)
        guard value.isObject else { throw .malformedJSON(source: source, detail: "expected a JSON object, got \(kind(of: value))") }
        return value
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { error in
                (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            }
            return [context.debugDescription, underlying].compactMap { $0 }.joined(separator: " ")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
            return context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }

    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
