import Foundation
import Hummingbird

extension GatewayError: HTTPResponseError {
    var headers: HTTPFields {
        status == .unauthorized ? [.wwwAuthenticate: "Bearer"] : [:]
    }

    /// The JSON body bytes.
    var body: Data {
        (try? JSONResponse.encoder.encode(ErrorBody(error: code, message: message))) ?? Data("{\"error\":\"internal\"}".utf8)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        response
    }

    var response: Response {
        JSONResponse.make(bytes: body, status: status, extraHeaders: headers)
    }
}
