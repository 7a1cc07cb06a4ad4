import Foundation
import Hummingbird

/// A refusal of the web UI: an HTML page for page requests, JSON for `/api/` requests.
struct PageError: Error, HTTPResponseError, Equatable {
    let status: HTTPResponse.Status
    let code: String
    let message: String

    static func sessionGone(_ message: String) -> Self { .init(status: .unauthorized, code: "unauthenticated", message: message) }
    static func badRequest(_ message: String) -> Self { .init(status: .badRequest, code: "bad-request", message: message) }
    static func denied(_ message: String) -> Self { .init(status: .forbidden, code: "denied", message: message) }

    var headers: HTTPFields { [:] }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        if request.uri.path.contains("/api/") {
            let body = (try? JSONEncoder().encode(["error": code, "message": message])) ?? Data()
            return Response(
                status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        return Pages.html(Pages.error(title: status == .unauthorized ? "Session ended" : "Error", message: message), status: status)
    }
}
