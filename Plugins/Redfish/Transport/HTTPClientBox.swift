import AsyncHTTPClient
import NIOCore

/// The plugin instance's one HTTP client, made on first use (so `init` does no I/O and a
/// plugin that is only checked never owns one) and shut down when the instance stops.
actor HTTPClientBox {
    private enum State {
        case idle
        case running(HTTPClient)
        case shutDown
    }

    private var state = State.idle
    private let timeout: TimeAmount

    init(timeoutSeconds: Int) {
        timeout = .seconds(Int64(timeoutSeconds))
    }

    /// The client; throws ``RedfishError/stopping`` after ``shutdown()``.
    func client() throws(RedfishError) -> HTTPClient {
        switch state {
        case .running(let client):
            return client
        case .shutDown:
            throw .stopping
        case .idle:
            var configuration = HTTPClient.Configuration(
                redirectConfiguration: .disallow, timeout: .init(connect: timeout, read: timeout),
                decompression: .enabled(limit: .ratio(50)))
            configuration.connectionPool = .init(idleTimeout: .seconds(30))
            configuration.httpVersion = .http1Only
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            state = .running(client)
            return client
        }
    }

    /// Shuts the client down, which fails requests still in flight. Waits at most
    /// ``shutdownBudget``: a connection stuck in a TLS handshake with a hanging BMC only
    /// closes at its connect timeout, and the shutdown finishes in the background then.
    func shutdown() async {
        guard case .running(let client) = state else {
            state = .shutDown
            return
        }
        state = .shutDown
        let shutdown = Task { try await client.shutdown() }
        _ = await OneShot.value(of: shutdown, within: Self.shutdownBudget)
    }

    static let shutdownBudget = Duration.seconds(3)
}
