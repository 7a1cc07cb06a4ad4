import Foundation
import Hummingbird

/// JSON responses with the headers every gateway answer carries.
enum JSONResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// `value` as a JSON body.
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        make(bytes: try encoder.encode(value), status: status)
    }

    /// Bytes that already are JSON.
    static func make(bytes: some Sequence<UInt8>, status: HTTPResponse.Status = .ok, extraHeaders: HTTPFields = [:]) -> Response {
        var headers = headers
        headers.append(contentsOf: extraHeaders)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static let headers: HTTPFields = [
        .contentType: "application/json; charset=utf-8",
        .cacheControl: "no-store",
    ]
}
