import NIOCore
import NIOSSL

/// What a link adds to each of its TCP connections after gRPC built the pipeline (run from
/// the transports' `onCreateTCPConnection` / `onAcceptTCPConnection`).
enum LinkChannelSetup {
    /// Puts a ``ReadSizeCap`` in front of the HTTP/2 handler: right after the TLS handler, or
    /// first on a plaintext connection.
    static func configure(_ channel: any Channel) -> EventLoopFuture<Void> {
        channel.eventLoop.makeCompletedFuture {
            let pipeline = channel.pipeline.syncOperations
            if let tls = try? pipeline.handler(type: NIOSSLHandler.self) {
                try pipeline.addHandler(ReadSizeCap(), position: .after(tls))
            } else {
                try pipeline.addHandler(ReadSizeCap(), position: .first)
            }
        }
    }
}
