import Foundation
import Hummingbird
import NIOCore

/// A request body type: its JSON keys are exactly `fields`; anything else is refused.
public protocol StrictBody: Decodable {
    static var fields: Set<String> { get }
}

/// Reads request bodies strictly: bounded size, `application/json`, one JSON object, no
/// unknown keys, every error a clear 4xx. Nothing is acted on until the whole body passed.
public enum StrictJSON {
    public static func decode<T: StrictBody>(_ type: T.Type, from request: inout Request, limit: Int) async throws -> T {
        if let contentType = request.headers[.contentType], !contentType.lowercased().hasPrefix("application/json") {
            throw APIError(.unsupportedMediaType, code: "bad-request", "send the body as application/json, not \(contentType.prefix(60))")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, code: "too-large", "the body is larger than \(limit) bytes")
        }
        return try decode(type, from: Data(buffer.readableBytesView))
    }

    public static func decode<T: StrictBody>(_ type: T.Type, from data: Data) throws -> T {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data.isEmpty ? Data("{}".utf8) : data)
        } catch {
            throw APIError(.badRequest, code: "malformed-json", "the body is not valid JSON")
        }
        guard let fields = object as? [String: Any] else {
            throw APIError(.badRequest, code: "malformed-json", "the body must be a JSON object")
        }
        let unknown = Set(fields.keys).subtracting(T.fields).sorted()
        guard unknown.isEmpty else {
            throw APIError(.badRequest, code: "unknown-field", "unknown field \(unknown.joined(separator: ", ")); allowed: \(T.fields.sorted().joined(separator: ", "))")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data.isEmpty ? Data("{}".utf8) : data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIError(.badRequest, code: "bad-request", "missing field \(key.stringValue)")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw APIError(.badRequest, code: "bad-request", "field \(path(context.codingPath)) has the wrong type")
        } catch let DecodingError.dataCorrupted(context) {
            throw APIError(.badRequest, code: "bad-request", "field \(path(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw APIError(.badRequest, code: "bad-request", "the body does not match the expected fields")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
