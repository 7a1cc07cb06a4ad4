import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOPosix

/// The one HTTP client of a CLI process, trusting what `CLITrust` says. Created on first use
/// and kept for the life of the process (a CLI run is short).
enum CLIHTTP {
    /// The most a JSON answer may hold.
    static let maxBodyBytes = 16 << 20

    private static let client: Result<HTTPClient, any Error> = Result {
        var configuration = HTTPClient.Configuration(tlsConfiguration: try CLITrust.tlsConfiguration())
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(30))
        // A refused connection is an answer for a CLI (exit 5 at once), not a reason to retry for 10 s.
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }

    /// A finished exchange: the status and the whole body.
    struct Answer {
        var status: Int
        var body: Data
    }

    /// Sends one request and reads the whole answer (at most `maxBodyBytes`). Throws the
    /// transport's error (refused connection, TLS failure, timeout) for the caller to word.
    static func perform(_ method: String, url: URL, headers: [(String, String)], body: Data?) async throws -> Answer {
        let client = try client.get()
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(data: body)) }
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: maxBodyBytes)
        return Answer(status: Int(response.status.code), body: Data(buffer: bytes))
    }
}
