/// `GET /redfish/v1`: what the service is and where its collections live.
public struct ServiceRoot: Sendable, Equatable {
    public var redfishVersion: String?
    /// `Vendor` (Redfish 1.5 and later), such as `Dell`, `HPE`, `OpenBMC`.
    public var vendor: String?
    /// `Product`, such as `Integrated Dell Remote Access Controller`.
    public var product: String?
    /// The keys of the root's `Oem` object (`Dell`, `Hpe`, `Supermicro`...).
    public var oemKeys: [String]
    public var systemsPath: String?
    public var managersPath: String?
    public var chassisPath: String?
    /// `Links.Sessions`, or the SessionService's `Sessions`, when the service offers sessions.
    public var sessionsPath: String?
    public var sessionServicePath: String?

    /// Reads the resource; absent or mistyped fields stay nil.
    public init(json: JSONValue) {
        redfishVersion = json["RedfishVersion"].text
        vendor = json["Vendor"].text
        product = json["Product"].text
        oemKeys = json["Oem"].members.keys.sorted()
        systemsPath = json["Systems"].odataID
        managersPath = json["Managers"].odataID
        chassisPath = json["Chassis"].odataID
        sessionServicePath = json["SessionService"].odataID
        sessionsPath = json["Links"]["Sessions"].odataID
    }
}
