import GRPCCore
import GRPCNIOTransportHTTP2
import Kernel
import Logging

/// The dialling side of a link (an agent): connects out, says hello, serves the link until
/// it drops, then reconnects with exponential backoff and jitter. Never listens.
struct Dialler: Sendable {
    let target: HostPort
    let settings: LinkSettings
    let bus: Bus
    let logger: Logger

    /// Runs until cancelled.
    func run() async throws {
        var backoff = Backoff(initial: settings.reconnectInitial, maximum: settings.reconnectMaximum)
        while true {
            let established = Flag()
            var failure: (any Error)?
            do {
                try await connectOnce(established: established)
            } catch {
                failure = error
            }
            try Task.checkCancellation()
            if established.isSet { backoff.reset() }
            let delay = backoff.next()
            var metadata: Logger.Metadata = ["link.dial": "\(target)", "retry.ms": "\(delay.components.seconds * 1000 + delay.components.attoseconds / 1_000_000_000_000_000)"]
            if let failure { metadata["error"] = "\(Self.describe(failure))" }
            if let rpc = failure as? RPCError, rpc.code == .permissionDenied {
                logger.error("link refused by listener", metadata: metadata.merging(["reason": "\(rpc.message)"]) { $1 })
            } else {
                logger.warning(established.isSet ? "link lost; reconnecting" : "link connect failed; retrying", metadata: metadata)
            }
            try await Task.sleep(for: delay)
        }
    }

    /// One connection: returns or throws when it ends. Connecting, TLS and the hello
    /// exchange together get `handshakeTimeout`, so a listener that accepts TCP but never
    /// answers (a stopped process) does not hold the dialler forever.
    private func connectOnce(established: Flag) async throws {
        let transport = try LinkTransports.client(target, settings)
        let timeout = settings.handshakeTimeout
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await withGRPCClient(transport: transport) { client in
                    try await withChildTasks { tasks in
                        let session = DiallerSession(
                            stub: WireService.Client(wrapping: client), settings: settings, bus: bus, logger: logger, tasks: tasks)
                        try await session.run(onEstablished: { established.set() })
                    }
                }
                return true
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                guard established.isSet else {
                    throw LinkProtocolError.handshake("no link within \(timeout) (connect, TLS and hello)")
                }
                return false
            }
            while let sessionEnded = try await group.next() {
                if sessionEnded {
                    group.cancelAll()
                    return
                }
            }
        }
    }

    /// A short readable form of a connection failure.
    static func describe(_ error: any Error) -> String {
        if let rpc = error as? RPCError {
            var text = "\(rpc.code): \(rpc.message)"
            if let cause = rpc.cause { text += " (\(cause))" }
            return text
        }
        return "\(error)"
    }
}
