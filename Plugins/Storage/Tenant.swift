import Foundation

/// A customer of the installation; servers and memberships belong to one.
public struct Tenant: Sendable, Hashable, Codable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
