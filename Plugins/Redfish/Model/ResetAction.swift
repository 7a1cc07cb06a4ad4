/// `Actions/#ComputerSystem.Reset` of a system.
public struct ResetAction: Sendable, Equatable {
    /// Where to POST `{"ResetType": ...}`.
    public var target: String
    /// `ResetType@Redfish.AllowableValues`, when the BMC lists them inline.
    public var allowableValues: [String]?
    /// `@Redfish.ActionInfo`, where the BMC lists them otherwise.
    public var actionInfoPath: String?

    /// Reads the resource; absent or mistyped fields stay nil.
    public init?(json: JSONValue) {
        guard let target = json["target"].text else { return nil }
        self.target = target
        if case .array = json["ResetType@Redfish.AllowableValues"] {
            allowableValues = json["ResetType@Redfish.AllowableValues"].strings
        } else {
            allowableValues = nil
        }
        actionInfoPath = json["@Redfish.ActionInfo"].text
    }

    /// The `AllowableValues` of the `ResetType` parameter in an ActionInfo resource.
    public static func allowableValues(fromActionInfo json: JSONValue) -> [String]? {
        let parameter = json["Parameters"].elements.first { $0["Name"].string == "ResetType" }
        guard let parameter, case .array = parameter["AllowableValues"] else { return nil }
        return parameter["AllowableValues"].strings
    }
}
