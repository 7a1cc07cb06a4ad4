import GRPCCore
import Hummingbird

extension HTTPFields {
    /// The credential of a gRPC call as request headers, for the same checks as REST: its
    /// `authorization` metadata and nothing else (a gRPC client is never a browser page, so it
    /// has no `Origin` and no session cookie).
    init(grpc metadata: Metadata) {
        self.init()
        if let authorization = metadata[stringValues: "authorization"].first(where: { _ in true }) {
            self[.authorization] = authorization
        }
    }
}
