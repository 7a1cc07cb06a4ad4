/// The plugins compiled into this binary, by ID: the explicit list in `Plugins/Standard`.
public struct PluginRegistry: Sendable {
    public let descriptors: [PluginID: PluginDescriptor]
    /// IDs in the order they were listed.
    public let ids: [PluginID]

    /// Builds the registry.
    /// - Throws: on a duplicate or malformed plugin ID (a programming error caught at boot).
    public init(_ types: [any Plugin.Type]) throws(ManifestError) {
        var descriptors: [PluginID: PluginDescriptor] = [:]
        var ids: [PluginID] = []
        for type in types {
            let descriptor = PluginDescriptor(type)
            guard descriptor.id.isWellFormed else { throw ManifestError("registry", "plugin ID \"\(descriptor.id)\" is not kebab-case") }
            guard descriptors[descriptor.id] == nil else { throw ManifestError("registry", "plugin ID \"\(descriptor.id)\" is listed twice") }
            descriptors[descriptor.id] = descriptor
            ids.append(descriptor.id)
        }
        self.descriptors = descriptors
        self.ids = ids
    }

    /// The descriptor for `id`.
    /// - Throws: naming the entry and listing the known IDs.
    public func descriptor(_ id: PluginID, at path: String) throws(ManifestError) -> PluginDescriptor {
        guard let descriptor = descriptors[id] else {
            throw ManifestError("\(path).use", "unknown plugin \"\(id)\"; known: \(ids.map(\.rawValue).sorted().joined(separator: ", "))")
        }
        return descriptor
    }
}
