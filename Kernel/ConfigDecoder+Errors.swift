import Yams

extension ConfigDecoder {
    /// A decoding error as a one-line manifest error at the exact key.
    static func describe(_ error: DecodingError, at path: String, in given: Node) -> ManifestError {
        func location(_ codingPath: [any CodingKey]) -> String {
            codingPath.reduce(path) { result, key in
                if let index = key.intValue { return "\(result)[\(index)]" }
                return "\(result).\(key.stringValue)"
            }
        }
        func value(_ codingPath: [any CodingKey]) -> Node? {
            codingPath.reduce(Optional(given)) { node, key in
                guard let node else { return nil }
                if let index = key.intValue, let sequence = node.sequence, index < sequence.count { return sequence[index] }
                return node.mapping?[key.stringValue]
            }
        }
        switch error {
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let got = value(context.codingPath).map { ", got \($0.shortDescription)" } ?? ""
            return ManifestError(location(context.codingPath), "expected \(friendlyName(type))\(got)")
        case .keyNotFound(let key, let context):
            return ManifestError(location(context.codingPath + [key]), "required key missing")
        case .dataCorrupted(let context):
            let got = value(context.codingPath).map { " (got \($0.shortDescription))" } ?? ""
            return ManifestError(location(context.codingPath), "invalid value\(got): \(context.debugDescription)")
        @unknown default:
            return ManifestError(path, "\(error)")
        }
    }

    static func friendlyName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt16.Type, is UInt32.Type, is UInt64.Type, is UInt8.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is Bool.Type: "true or false"
        case is String.Type: "a string"
        default: "\(type)"
        }
    }
}
