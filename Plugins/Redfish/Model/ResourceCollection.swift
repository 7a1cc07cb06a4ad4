/// A Redfish collection (`Systems`, `Managers`, `LogServices`, `Entries`...).
public struct ResourceCollection: Sendable, Equatable {
    /// The members as given: often links only, sometimes (log entries) full resources.
    public var members: [JSONValue]
    /// `Members@odata.nextLink` when the collection is paged.
    public var nextLink: String?

    /// Reads the resource; absent or mistyped fields stay nil.
    public init(json: JSONValue) {
        members = json["Members"].elements.filter(\.isObject)
        nextLink = json["Members@odata.nextLink"].text
    }

    /// The `@odata.id` of every member.
    public var memberPaths: [String] { members.compactMap(\.odataID) }
}
