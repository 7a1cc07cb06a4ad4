import Contracts
import Kernel
import Logging
import NIOCore
import RFB
import Synchronization

/// Serves `GraphicalConsole.Attach` for a set of servers, whatever the transport: enforces the
/// per-server session limit, logs in to the BMC, caches its ServerInit, presents a plain RFB
/// 3.8 server (security None) on the duplex and relays until either side ends.
public struct GraphicalConsoleSessions: Sendable {
    let targets: [String: GraphicalConsoleTarget]
    let limits: GraphicalConsoleLimits
    /// Open sessions and cached ServerInits per server.
    public let registry = GraphicalSessionRegistry()
    let logger: Logger

    /// The configured server names, sorted.
    public var servers: [String] { targets.keys.sorted() }

    public init(targets: [String: GraphicalConsoleTarget], limits: GraphicalConsoleLimits, logger: Logger) {
        self.targets = targets
        self.limits = limits
        self.logger = logger
    }

    /// Serves one attach on `viewer` until the session ends.
    /// - Throws: `GraphicalConsoleError` saying why there is no session or why it ended early.
    ///   Before throwing a login failure, the viewer is sent an RFB failure with the same text.
    public func attach(_ request: GraphicalConsole.Attach, viewer: Duplex, caller: Caller) async throws {
        let server = request.server
        var logger = self.logger
        logger[metadataKey: "server"] = "\(server)"
        logger[metadataKey: "caller"] = "\(caller.from)"
        guard let target = targets[server] else {
            throw await refuse(viewer, .unknownServer(server, configured: Array(targets.keys)), logger: logger)
        }
        guard registry.reserve(server, limit: limits.maxSessionsPerServer) else {
            throw await refuse(viewer, .tooManySessions(server, limit: limits.maxSessionsPerServer), logger: logger)
        }
        defer { registry.release(server) }

        let password: String?
        do {
            password = try target.password.resolve(server: server)
        } catch {
            throw await refuse(viewer, error, logger: logger)
        }
        let loggedIn = Mutex(false)
        do {
            let statistics = try await target.transport.withSession(
                password: password, connectTimeout: limits.connectTimeout, logger: logger
            ) { bmc in
                loggedIn.withLock { $0 = true }
                remember(bmc.serverInit, for: server, logger: logger)
                do throws(RFBSessionError) {
                    return try await RFBViewerSession.serve(viewer: viewer, bmc: bmc, configuration: viewerConfiguration, logger: logger)
                } catch {
                    throw GraphicalConsoleError.session(error, server: server)
                }
            }
            logger.info("graphical session ended by the viewer", metadata: [
                "rfb.bytes.viewer": "\(statistics.bytesFromViewer)", "rfb.bytes.bmc": "\(statistics.bytesFromBMC)",
            ])
        } catch let error as GraphicalConsoleError {
            logger.info("graphical session ended", metadata: ["code": "\(error.code)", "reason": "\(error.message)"])
            throw error
        } catch {
            guard !loggedIn.withLock({ $0 }) else {
                let ended = GraphicalConsoleError.session(.bmcFailed(detail: "\(error)"), server: server)
                logger.info("graphical session ended", metadata: ["code": "\(ended.code)", "reason": "\(ended.message)"])
                throw ended
            }
            throw await refuse(viewer, .login(error, server: server, endpoint: target.transport.endpoint), logger: logger)
        }
    }

    private var viewerConfiguration: RFBViewerSession.Configuration {
        RFBViewerSession.Configuration(
            handshakeTimeout: limits.connectTimeout.timeAmount,
            idleTimeout: limits.idleTimeout?.timeAmount
        )
    }

    private func remember(_ serverInit: RFBServerInit, for server: String, logger: Logger) {
        let size = "\(serverInit.framebufferWidth)x\(serverInit.framebufferHeight)"
        let previous = registry.remember(serverInit, for: server)
        if let previous, previous != serverInit {
            logger.info("BMC ServerInit changed", metadata: [
                "rfb.framebuffer.before": "\(previous.framebufferWidth)x\(previous.framebufferHeight)", "rfb.framebuffer": "\(size)",
            ])
        }
        logger.info("graphical session started", metadata: ["rfb.framebuffer": "\(size)", "rfb.desktop": "\(serverInit.name)"])
    }

    /// Tells the viewer why (as an RFB failure it can show) and returns the error to throw.
    private func refuse(_ viewer: Duplex, _ error: GraphicalConsoleError, logger: Logger) async -> GraphicalConsoleError {
        logger.warning("graphical session refused", metadata: ["code": "\(error.code)", "reason": "\(error.message)"])
        await RFBViewerSession.reject(viewer: viewer, reason: error.description, timeout: min(limits.connectTimeout, .seconds(5)))
        return error
    }
}
