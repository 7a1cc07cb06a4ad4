/// A `LogService`: one log of a system or manager.
public struct LogService: Sendable, Equatable {
    public var path: String
    public var id: String?
    public var name: String?
    /// `SEL`, `Event`, `Multiple`, `OEM`.
    public var logEntryType: String?
    public var entriesPath: String?

    /// Reads the resource; absent or mistyped fields stay nil.
    public init(json: JSONValue, path: String) {
        self.path = json.odataID ?? path
        id = json["Id"].text
        name = json["Name"].text
        logEntryType = json["LogEntryType"].text
        entriesPath = json["Entries"].odataID
    }

    /// How well this service matches "the system event log": higher is better.
    var eventLogRank: Int {
        if logEntryType == "SEL" { return 3 }
        let words = [id, name].compactMap { $0?.lowercased() }
        if words.contains(where: { $0.contains("sel") }) { return 2 }
        if words.contains(where: { $0.contains("event") || $0.contains("log1") }) { return 1 }
        return 0
    }
}
