import API
import AsyncHTTPClient
import Foundation
import Hummingbird
import Kernel
import Logging
import NIOSSL
import WebUI

/// The manager's admin dashboard for superadmins and tenant admins: servers across tenants
/// with filters, gateways and agents, the audit log, and console links through each
/// server's gateway. Plain server-rendered HTML with one small script; the login token stays
/// here, the browser holds only an opaque session cookie. Everything is asked of the
/// manager's own plugins over the bus with the user's token, so their authorization decides
/// what a page shows.
public struct DashboardPlugin: Plugin {
    public static let id: PluginID = "dashboard"
    public static let summary = "manager admin dashboard: servers, gateways, agents, audit log, console links (HTML)"

    let config: Config
    let context: PluginContext

    public init(config: Config, context: PluginContext) throws {
        self.config = try config.validated()
        self.context = context
    }

    public func run() async throws {
        let client = try makeClient()
        let timeout = Duration.seconds(config.requestTimeoutSeconds)
        let router = Router(context: APIRequestContext.self)
        // same-origin, not no-referrer: Chrome sends `Origin: null` on form posts under no-referrer,
        // and the CSRF check needs the real Origin; the dashboard's URLs hold no secret.
        router.add(middleware: SecurityHeaders(connectSources: [], referrerPolicy: "same-origin"))
        DashboardRoutes(
            bus: context.bus, sessions: LoginSessionStore(capacity: config.maxSessions), launcher: ConsoleLauncher(client: client, timeout: timeout),
            gateways: Dictionary(config.gateways.map { ($0.id, $0.url) }, uniquingKeysWith: { first, _ in first }),
            oidcRedirectURI: config.oidcRedirectURI.isEmpty ? nil : config.oidcRedirectURI, auditPageSize: config.auditPageSize, timeout: timeout,
            now: { Date() }
        ).register(on: router)
        let logger = context.logger
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(config.listen.host, port: config.listen.port), serverName: "tether-dashboard"),
            onServerRunning: { channel in
                logger.info("dashboard listening", metadata: ["listen": "http://\(channel.localAddress.map { "\($0)" } ?? "?")"])
            },
            logger: logger)
        do {
            try await app.run()
        } catch {
            try? await client.shutdown()
            throw error
        }
        try? await client.shutdown()
    }

    /// The client for the gateways' APIs, trusting `gatewayTrustRoots` when set.
    private func makeClient() throws -> HTTPClient {
        var tls = TLSConfiguration.makeClientConfiguration()
        if !config.gatewayTrustRoots.isEmpty {
            let path = context.resolvePath(config.gatewayTrustRoots).path
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(path))
            } catch {
                throw DashboardError(message: "gatewayTrustRoots \(path) cannot be read as PEM certificates: \(error)")
            }
        }
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: .init(tlsConfiguration: tls, redirectConfiguration: .disallow))
    }
}
