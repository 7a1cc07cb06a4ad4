import Hummingbird
import NIOCore

/// The request context of the manager API: Hummingbird's core plus the client address
/// (for login rate limits and the audit log) and the connection (a stream checks it and
/// closes it to cut off a client that stopped reading).
public struct APIRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The client's connection.
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
        self.channel = source.channel
    }

    /// The client's IP address as text, or `unknown`.
    public var sourceAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
