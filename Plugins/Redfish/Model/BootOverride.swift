/// The `Boot` object of a system: the boot source override.
public struct BootOverride: Sendable, Equatable, Codable {
    /// `Disabled`, `Once` or `Continuous`.
    public var enabled: String?
    /// `None`, `Pxe`, `Hdd`, `Cd`, `BiosSetup`, `Usb`...
    public var target: String?
    /// `UEFI` or `Legacy`; absent on BMCs without boot mode control.
    public var mode: String?
    public var allowedTargets: [String]?
    public var allowedEnabled: [String]?
    public var allowedModes: [String]?

    /// Reads the resource; absent or mistyped fields stay nil.
    public init(json: JSONValue) {
        enabled = json["BootSourceOverrideEnabled"].text
        target = json["BootSourceOverrideTarget"].text
        mode = json["BootSourceOverrideMode"].text
        allowedTargets = Self.list(json["BootSourceOverrideTarget@Redfish.AllowableValues"])
        allowedEnabled = Self.list(json["BootSourceOverrideEnabled@Redfish.AllowableValues"])
        allowedModes = Self.list(json["BootSourceOverrideMode@Redfish.AllowableValues"])
    }

    private static func list(_ json: JSONValue) -> [String]? {
        if case .array = json { return json.strings }
        return nil
    }
}
