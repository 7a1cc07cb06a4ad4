/// Standard Redfish, no quirks.
public struct GenericVendor: RedfishVendor {
    public let id = "generic"
    public init() {}
    public func matches(_ root: ServiceRoot) -> Bool { true }
}
