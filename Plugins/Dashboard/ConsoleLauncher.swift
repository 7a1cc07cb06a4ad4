import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Opens a console on a gateway the way any client does: `POST {gateway}/v1/servers/{id}/sessions`
/// with the session token as bearer, which answers a one-time viewer URL for the browser.
/// The token stays here; the browser only ever gets the viewer URL.
struct ConsoleLauncher: Sendable {
    let client: HTTPClient
    let timeout: Duration

    /// - Returns: the viewer URL (`http(s)://...`).
    /// - Throws: ``DashboardRefusal`` saying what the gateway answered.
    func open(gatewayURL: String, server: String, type: ConsoleType, sessionToken: String) async throws -> String {
        var request = HTTPClientRequest(url: "\(gatewayURL)/v1/servers/\(DashboardPages.percentEncoded(server))/sessions")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(sessionToken)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: #"{"type":"\#(type.rawValue)"}"#))
        let status: UInt
        let body: ByteBuffer
        do {
            let response = try await client.execute(request, timeout: .init(timeout))
            status = response.status.code
            body = try await response.body.collect(upTo: 64 * 1024)
        } catch {
            throw DashboardRefusal.badGateway("the gateway at \(gatewayURL) cannot be reached: \(error)")
        }
        return try Self.viewerURL(status: status, body: Data(buffer: body), gatewayURL: gatewayURL)
    }

    /// The viewer URL from the gateway's answer. Pure, for tests.
    static func viewerURL(status: UInt, body: Data, gatewayURL: String) throws -> String {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        guard status == 201 || status == 200 else {
            let message = (object?["error"] as? [String: Any])?["message"] as? String ?? object?["message"] as? String ?? "no details"
            throw DashboardRefusal.badGateway("the gateway at \(gatewayURL) refused the console (\(status)): \(message.prefix(300))")
        }
        guard let text = object?["viewerURL"] as? String, let url = URL(string: text),
              ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil
        else { throw DashboardRefusal.badGateway("the gateway at \(gatewayURL) answered no usable viewer URL") }
        return text
    }
}

/// The console a link opens.
enum ConsoleType: String, Sendable, CaseIterable {
    case serial, vnc
}
