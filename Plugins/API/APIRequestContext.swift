import Hummingbird
import NIOCore

/// The request context of the manager API: Hummingbird's core plus the client address
/// (for login rate limits and the audit log).
public struct APIRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// The client's IP address as text, or `unknown`.
    public var sourceAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
