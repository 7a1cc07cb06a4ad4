import Foundation
import Hummingbird

/// Reads a request body that must be one JSON object with known fields of exact types.
/// Every refusal is a ``GatewayError`` 400 that names the field.
struct JSONObjectReader {
    let fields: [String: JSONValue]

    /// - Parameters:
    ///   - allowed: the field names the endpoint knows; any other is refused.
    ///   - example: a valid body, quoted in the refusal of a malformed one.
    init(_ body: ByteBuffer, allowed: Set<String>, example: String) throws {
        try self.init(parsing: body, example: example)
        try refuseUnknown(allowed)
    }

    /// Parses the object without judging its fields; `example` shows the expected shape.
    init(parsing body: ByteBuffer, example: String) throws {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(body.readableBytesView))
        } catch {
            throw GatewayError.badRequest("not valid JSON; send one object such as \(example)")
        }
        guard case .object(let fields) = value else {
            throw GatewayError.badRequest("the JSON must be an object such as \(example), not \(value.typeName)")
        }
        self.fields = fields
    }

    func refuseUnknown(_ allowed: Set<String>) throws {
        if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw GatewayError.badRequest("unknown field \"\(unknown)\"; allowed: \(allowed.sorted().joined(separator: ", "))")
        }
    }

    /// A required string field.
    func requiredString(_ name: String) throws -> String {
        switch fields[name] {
        case .string(let text)?: return text
        case nil: throw GatewayError.badRequest("missing field \"\(name)\"")
        case let other?: throw GatewayError.badRequest("\(name): must be a string, not \(other.typeName)")
        }
    }

    /// A required string field whose value is one of `T`'s cases.
    func requiredCase<T: RawRepresentable & CaseIterable>(_ name: String, of type: T.Type) throws -> T where T.RawValue == String {
        guard let value = fields[name] else {
            throw GatewayError.badRequest("missing field \"\(name)\"; one of \(Self.choices(T.self))")
        }
        guard case .string(let text) = value, let parsed = T(rawValue: text) else {
            let shown = if case .string(let text) = value { "\"\(text)\"" } else { value.typeName }
            throw GatewayError.badRequest("\(name): \(shown) is not one of \(Self.choices(T.self))")
        }
        return parsed
    }

    /// An optional boolean field.
    func optionalBool(_ name: String, default fallback: Bool) throws -> Bool {
        switch fields[name] {
        case nil: return fallback
        case .bool(let value): return value
        case let other?: throw GatewayError.badRequest("\(name): must be true or false, not \(other.typeName)")
        }
    }

    private static func choices<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> String where T.RawValue == String {
        T.allCases.map(\.rawValue).joined(separator: ", ")
    }
}
