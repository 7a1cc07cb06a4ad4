/// A `LogEntry` of a LogService (the system event log or the BMC's own log).
public struct LogEntry: Sendable, Equatable {
    public var id: String?
    /// `Created`, ISO 8601.
    public var created: String?
    public var message: String?
    public var messageID: String?
    /// `OK`, `Warning`, `Critical`.
    public var severity: String?
    public var sensorType: String?

    /// Reads the resource; absent or mistyped fields stay nil.
    public init(json: JSONValue) {
        id = json["Id"].text
        created = json["Created"].text
        message = json["Message"].text
        messageID = json["MessageId"].text
        severity = json["Severity"].text ?? json["EntrySeverity"].text
        sensorType = json["SensorType"].text
    }
}
