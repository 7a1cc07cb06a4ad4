/// `GraphicalConsole` of a Manager or ComputerSystem (KVM).
public struct GraphicalConsole: Sendable, Equatable {
    public var serviceEnabled: Bool?
    /// `KVMIP`, `OEM`...
    public var connectTypes: [String]

    /// Reads the resource; absent or mistyped fields stay nil.
    public init?(resource json: JSONValue) {
        let console = json["GraphicalConsole"]
        guard console.isObject else { return nil }
        serviceEnabled = console["ServiceEnabled"].bool
        connectTypes = console["ConnectTypesSupported"].strings
    }
}
