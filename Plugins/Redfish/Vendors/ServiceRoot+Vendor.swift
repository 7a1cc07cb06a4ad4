extension ServiceRoot {
    /// Whether `Vendor` or `Product` contains any of `names`, or `Oem` has any of them as a key
    /// (case-insensitive).
    public func mentions(_ names: [String]) -> Bool {
        let lowered = names.map { $0.lowercased() }
        let fields = [vendor, product].compactMap { $0?.lowercased() }
        if fields.contains(where: { field in lowered.contains { field.contains($0) } }) { return true }
        return oemKeys.contains { lowered.contains($0.lowercased()) }
    }
}
