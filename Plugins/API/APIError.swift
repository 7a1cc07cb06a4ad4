import Auth
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import NIOCore

/// An error answered as `{"error": {"code": "...", "message": "..."}}` with its HTTP status.
public struct APIError: Error, HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let code: String
    public let message: String
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        let body = (try? JSONEncoder.api.encode(ErrorBody(error: .init(code: code, message: message)))) ?? Data()
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// What a handler's failure (from the bus or elsewhere) means to an HTTP client.
    public static func from(_ error: any Error) -> APIError {
        switch error {
        case let api as APIError:
            return api
        case let auth as AuthError:
            var mapped = APIError(status(forCode: auth.code), code: auth.code, auth.message)
            if case .rateLimited(let seconds) = auth { mapped.headers[.retryAfter] = "\(seconds)" }
            return mapped
        case let coded as any CodedError:
            return APIError(status(forCode: coded.code), code: coded.code, coded.message)
        case BusError.remote(let code, let message):
            var mapped = APIError(status(forCode: code), code: code, message)
            if code == "rate-limited", let seconds = retryAfter(in: message) { mapped.headers[.retryAfter] = "\(seconds)" }
            return mapped
        case let bus as BusError:
            return APIError(.serviceUnavailable, code: "unavailable", "the manager cannot answer right now: \(bus)")
        default:
            return APIError(.internalServerError, code: "internal", "internal error")
        }
    }

    /// The wait in `auth`'s rate-limit message ("... try again in 42 s").
    static func retryAfter(in message: String) -> Int? {
        guard let range = message.range(of: "try again in ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }

    static func status(forCode code: String) -> HTTPResponse.Status {
        switch code {
        case "bad-request", "invalid", "malformed-json", "unknown-field": .badRequest
        case "invalid-credentials", "invalid-token", "unauthenticated": .unauthorized
        case "denied": .forbidden
        case "not-found": .notFound
        case "conflict": .conflict
        case "rate-limited": .tooManyRequests
        case "oidc-failed": .badGateway
        case "unavailable", "storage-unavailable": .serviceUnavailable
        default: .internalServerError
        }
    }

    struct ErrorBody: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
        }
        let error: Detail
    }
}
