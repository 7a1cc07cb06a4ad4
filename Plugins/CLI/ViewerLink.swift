import Foundation

/// A browser console for one server: the gateway creates a viewer session and answers a
/// one-time link (`POST /v1/servers/{id}/sessions`); the link is printed and, when this
/// machine has a browser, opened.
enum ViewerLink {
    /// The gateway's answer; only the link matters here.
    struct Created: Decodable {
        let viewerURL: String
    }

    /// Creates a `type` (`serial` or `vnc`) session on `server` and prints its link.
    static func open(_ type: String, server: String, client: GatewayClient) async throws {
        let created = try await client.call("POST", "v1/servers/\(server)/sessions", body: ["type": type], as: Created.self)
        print(created.viewerURL)
        BrowserLauncher.open(created.viewerURL)
    }
}
