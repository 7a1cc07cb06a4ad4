import NIOCore
import NIOPosix

/// A UDP socket that talks to exactly one remote address: datagrams from anyone else are
/// dropped before they reach the protocol code.
final class UDPDatagramSocket: Sendable {
    /// Datagrams received from the remote address.
    let datagrams: AsyncStream<[UInt8]>
    let remoteAddress: SocketAddress
    private let channel: any Channel

    private init(channel: any Channel, remoteAddress: SocketAddress, datagrams: AsyncStream<[UInt8]>) {
        self.channel = channel
        self.remoteAddress = remoteAddress
        self.datagrams = datagrams
    }

    /// Binds an ephemeral local port of the remote address's family.
    static func open(host: String, port: Int, group: any EventLoopGroup) async throws -> UDPDatagramSocket {
        let remote: SocketAddress
        do {
            remote = try SocketAddress.makeAddressResolvingHost(host, port: port)
        } catch {
            throw IPMIError.invalidConfiguration("cannot resolve BMC host \"\(host)\": \(error)")
        }
        let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(1024))
        let bindHost = remote.protocol == .inet6 ? "::" : "0.0.0.0"
        let channel = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        DatagramForwarder(remoteAddress: remote, continuation: continuation)
                    )
                }
            }
            .bind(host: bindHost, port: 0)
            .get()
        return UDPDatagramSocket(channel: channel, remoteAddress: remote, datagrams: stream)
    }

    func send(_ bytes: [UInt8]) {
        let envelope = AddressedEnvelope(remoteAddress: remoteAddress, data: channel.allocator.buffer(bytes: bytes))
        channel.writeAndFlush(envelope, promise: nil)
    }

    func close() {
        channel.close(promise: nil)
    }
}
