/// The vendor handlers, chosen from the service root.
public enum RedfishVendors {
    /// Every specific handler, tried in order; ``GenericVendor`` when none matches.
    public static let all: [any RedfishVendor] = [
        OpenBMCVendor(),
        DellIDRACVendor(),
        HPEILOVendor(),
        SupermicroVendor(),
        LenovoXCCVendor(),
    ]

    /// The first handler in ``all`` that matches, else ``GenericVendor``.
    public static func select(for root: ServiceRoot) -> any RedfishVendor {
        all.first { $0.matches(root) } ?? GenericVendor()
    }
}
