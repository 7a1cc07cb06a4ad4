import Hummingbird
import NIOCore
import NIOHTTPTypes

/// Sits in every plain HTTP pipeline and rewrites the empty 400 of a refused WebSocket
/// upgrade into the refusal's status and JSON body; everything else passes untouched.
final class RefusedUpgradeWriter: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let refusals: UpgradeRefusals
    private var pendingBody: ByteBuffer?

    init(refusals: UpgradeRefusals) {
        self.refusals = refusals
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head) where head.status == .badRequest:
            guard let refusal = refusals.take(for: context.channel) else { break }
            let body = ByteBuffer(bytes: refusal.body)
            var fields = JSONResponse.headers
            fields.append(contentsOf: refusal.headers)
            fields[.contentLength] = "\(body.readableBytes)"
            fields[.connection] = "close"
            pendingBody = body
            context.write(wrapOutboundOut(.head(HTTPResponse(status: refusal.status, headerFields: fields))), promise: promise)
            return
        case .end:
            if let body = pendingBody {
                pendingBody = nil
                context.write(wrapOutboundOut(.body(body)), promise: nil)
            }
        default:
            break
        }
        context.write(data, promise: promise)
    }
}
