import Foundation
import GatewayTesting
import Hummingbird
import HummingbirdTLS
import HummingbirdWSClient
import Logging
import NIOCore

/// A WebSocket console client for tests: connects with HummingbirdWSClient and runs a script
/// against the session; returns the server's close frame.
enum ConsoleClient {
    static func run(
        _ gateway: TestGateway, server: String = "lab-01", token: String? = "admin-lab-01", headers: [String: String] = [:],
        tls: TLSConfiguration? = nil, limit: Duration = .seconds(15), _ script: @escaping @Sendable (inout ConsoleScript) async throws -> Void
    ) async throws -> WebSocketCloseFrame? {
        var fields = HTTPFields()
        if let token { fields[.authorization] = "Bearer \(token)" }
        for (name, value) in headers {
            guard let field = HTTPFields.Element.Name(name) else { throw TestFailure("bad header name \(name)") }
            fields[field] = value
        }
        var configuration = WebSocketClientConfiguration(maxFrameSize: 1 << 20, additionalHeaders: fields, closeTimeout: .seconds(5))
        // SNI cannot carry an IP address; the test certificate also names localhost.
        if tls != nil { configuration.sniHostname = "localhost" }
        let settings = configuration
        let url = "\(gateway.webSocketBase)/v1/servers/\(server)/console/serial"
        return try await Deadline.run(limit) {
            try await WebSocketClient.connect(url: url, configuration: settings, tlsConfiguration: tls, logger: Logger(label: "test.ws")) {
                inbound, outbound, _ in
                var session = ConsoleScript(messages: inbound.messages(maxSize: 1 << 22).makeAsyncIterator(), outbound: outbound)
                try await session.readGreeting()
                try await script(&session)
            }
        }
    }
}
