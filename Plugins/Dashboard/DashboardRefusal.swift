import Foundation
import Hummingbird

/// A request the dashboard refuses: answered with an HTML page saying why.
struct DashboardRefusal: Error, HTTPResponseError, Equatable {
    let status: HTTPResponse.Status
    let title: String
    let message: String

    static func badRequest(_ message: String) -> Self { .init(status: .badRequest, title: "Bad request", message: message) }
    static func forbidden(_ message: String) -> Self { .init(status: .forbidden, title: "Not allowed", message: message) }
    static func unavailable(_ message: String) -> Self { .init(status: .serviceUnavailable, title: "Unavailable", message: message) }
    static func badGateway(_ message: String) -> Self { .init(status: .badGateway, title: "The gateway failed", message: message) }

    var headers: HTTPFields { [:] }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        DashboardPages.html(DashboardPages.error(title: title, message: message, user: nil), status: status)
    }
}
