/// One protocol of a Manager's NetworkProtocol resource.
public struct NetworkService: Sendable, Equatable, Codable {
    public var enabled: Bool?
    public var port: Int?

    public init(enabled: Bool?, port: Int?) {
        self.enabled = enabled
        self.port = port
    }
}
