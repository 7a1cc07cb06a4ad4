import GRPCCore

/// How Tether's gRPC APIs carry a REST refusal, one table for every server and client: the
/// gRPC status for each HTTP status (and back), and the stable error code (`denied`,
/// `invalid-token`...) in the trailing metadata `tether-error`.
public enum GRPCStatusMapping {
    /// The trailing metadata key of the stable error code.
    public static let codeKey = "tether-error"

    /// The gRPC status the REST API's HTTP status becomes.
    public static func code(forHTTPStatus status: Int) -> RPCError.Code {
        switch status {
        case 400: .invalidArgument
        case 401: .unauthenticated
        case 403: .permissionDenied
        case 404: .notFound
        case 409: .failedPrecondition
        case 413, 429: .resourceExhausted
        case 501: .unimplemented
        case 502, 503: .unavailable
        case 504: .deadlineExceeded
        default: .internalError
        }
    }

    /// The HTTP status a client reads a gRPC status as (the inverse of `code(forHTTPStatus:)`).
    public static func httpStatus(for code: RPCError.Code) -> Int {
        switch code {
        case .invalidArgument: 400
        case .unauthenticated: 401
        case .permissionDenied: 403
        case .notFound: 404
        case .failedPrecondition: 409
        case .resourceExhausted: 429
        case .unimplemented: 501
        case .unavailable: 503
        case .deadlineExceeded: 504
        default: 500
        }
    }

    /// A refusal as gRPC: the mapped status, the REST message, the stable code in the trailers.
    public static func error(httpStatus: Int, code: String, message: String, metadata extra: Metadata = [:]) -> RPCError {
        var metadata: Metadata = [codeKey: .string(code)]
        metadata.add(contentsOf: extra)
        return RPCError(code: self.code(forHTTPStatus: httpStatus), message: message, metadata: metadata)
    }

    /// The stable code a refusal carries, if any.
    public static func code(of error: RPCError) -> String? {
        error.metadata[stringValues: codeKey].first(where: { _ in true })
    }
}
