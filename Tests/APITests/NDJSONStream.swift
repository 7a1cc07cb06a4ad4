import AsyncHTTPClient
import Foundation
import NIOCore

/// A `GET` that answers JSON lines (`/v1/audit/stream`), read line by line as it arrives.
struct NDJSONStream {
    let status: Int
    let contentType: String?
    private var chunks: HTTPClientResponse.Body.AsyncIterator
    private var pending = Data()

    static func open(_ url: String, token: String?) async throws -> NDJSONStream {
        var request = HTTPClientRequest(url: url)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        let response = try await HTTPTestClient.client.execute(request, timeout: .seconds(60))
        return NDJSONStream(
            status: Int(response.status.code), contentType: response.headers.first(name: "content-type"), chunks: response.body.makeAsyncIterator())
    }

    /// The next line as a JSON object; nil when the stream ended (bounded: the request's
    /// deadline is 60 s).
    mutating func next() async throws -> [String: Any]? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = pending[pending.startIndex..<newline]
                pending = Data(pending[(newline + 1)...])
                guard let object = try JSONSerialization.jsonObject(with: line) as? [String: Any] else {
                    throw TestFailure(reason: "a stream line is not a JSON object: \(String(decoding: line, as: UTF8.self))")
                }
                return object
            }
            guard let chunk = try await chunks.next() else { return nil }
            pending.append(contentsOf: chunk.readableBytesView)
        }
    }
}
