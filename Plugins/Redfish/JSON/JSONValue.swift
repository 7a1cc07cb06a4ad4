/// A parsed JSON document, kept untyped so that Redfish resources from any BMC decode:
/// unknown fields are kept, missing or mistyped optional fields read as absent.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}
