/// Reads resources from a BMC with the session of the connection (for vendor handlers).
public protocol RedfishResourceReader: Sendable {
    /// `GET path`, parsed; throws on a non-2xx status or malformed JSON.
    func get(_ path: String) async throws(RedfishError) -> JSONValue
}
