extension RedfishServer {
    /// The server's ComputerSystem, read now.
    func system() async throws(RedfishError) -> ComputerSystem {
        let path = try await resolveSystemPath()
        return ComputerSystem(json: try await connection.get(path), path: path)
    }

    /// Finds the system: the only one, or the one whose Id, Name, UUID or path segment is `systemId`.
    func resolveSystemPath() async throws(RedfishError) -> String {
        if let systemPath { return systemPath }
        let (root, _) = try await connection.service()
        let members = ResourceCollection(json: try await connection.get(root.systemsPath ?? "/redfish/v1/Systems")).memberPaths
        let segments = members.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        let found: String
        if let systemID {
            if let index = segments.firstIndex(of: systemID) {
                found = members[index]
            } else {
                var match: String?
                for path in members.prefix(Self.memberReadLimit) {
                    let candidate = ComputerSystem(json: try await connection.get(path), path: path)
                    if candidate.identifiers.contains(systemID) {
                        match = path
                        break
                    }
                }
                guard let match else { throw .systemNotFound(server: name, systemID: systemID, available: segments) }
                found = match
            }
        } else {
            guard members.count == 1, let only = members.first else {
                if members.isEmpty { throw .notSupported(server: name, what: "any ComputerSystem (the Systems collection is empty)") }
                throw .systemNotFound(server: name, systemID: nil, available: segments)
            }
            found = only
        }
        systemPath = found
        return found
    }

    /// The system's BMC: `Links.ManagedBy`, else the only or first Manager.
    func manager(of system: ComputerSystem) async throws(RedfishError) -> Manager? {
        var path = system.managerPaths.first
        if path == nil, let collection = try await connection.service().root.managersPath {
            path = ResourceCollection(json: try await connection.get(collection)).memberPaths.first
        }
        guard let path else { return nil }
        return Manager(json: try await connection.get(path), path: path)
    }

    /// The system's chassis: `Links.Chassis`, else the first Chassis.
    func chassis(of system: ComputerSystem) async throws(RedfishError) -> Chassis? {
        var path = system.chassisPaths.first
        if path == nil, let collection = try await connection.service().root.chassisPath {
            path = ResourceCollection(json: try await connection.get(collection)).memberPaths.first
        }
        guard let path else { return nil }
        return Chassis(json: try await connection.get(path), path: path)
    }

    /// The members of a collection as full resources: inline ones as given, links read one by one (bounded).
    func expandedMembers(of path: String, isInline: (JSONValue) -> Bool) async throws(RedfishError) -> [JSONValue] {
        var result: [JSONValue] = []
        var page: String? = path
        var pages = 0
        var reads = 0
        while let current = page, pages < 100, result.count < 10_000 {
            pages += 1
            let collection = ResourceCollection(json: try await connection.get(current))
            for member in collection.members {
                if isInline(member) {
                    result.append(member)
                } else if let link = member.odataID, reads < Self.memberReadLimit * 16 {
                    reads += 1
                    result.append(try await connection.get(link))
                }
            }
            page = collection.nextLink
        }
        return result
    }
}
