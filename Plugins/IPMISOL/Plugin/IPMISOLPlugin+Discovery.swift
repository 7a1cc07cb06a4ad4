import Foundation
import ServiceLifecycle

extension IPMISOLPlugin {
    func discoverPeriodically() async {
        let interval = Duration.seconds(config.discovery.intervalSeconds)
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            _ = await probe()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    func discoveryList(refresh: Bool) async throws -> IPMIDiscovery.List.Reply {
        refresh ? await probe() : discovered
    }

    /// Pings every configured address once and records who answered.
    func probe() async -> IPMIDiscovery.List.Reply {
        let port = config.discovery.port
        let hosts = discoveryRanges.flatMap(\.addresses)
        do {
            let pongs = try await PresenceProber.probe(
                hosts: hosts, port: port, timeout: .milliseconds(config.discovery.timeoutMilliseconds)
            )
            let found = pongs.map { pong in
                let server = bmcs.values.first { $0.settings.host == pong.host && $0.settings.port == port }?.settings.name
                return IPMIDiscovery.Found(host: pong.host, port: port, supportsIPMI: pong.supportsIPMI, server: server)
            }
            discovered = .init(found: found, probedAt: Date())
            context.logger.info("ipmi discovery probe", metadata: [
                "ipmi.probed": "\(hosts.count)", "ipmi.answered": "\(found.count)",
                "ipmi.unconfigured": "\(found.filter { $0.server == nil }.map(\.host))",
            ])
        } catch {
            context.logger.warning("ipmi discovery probe failed", metadata: ["error": "\(error)"])
        }
        return discovered
    }
}
