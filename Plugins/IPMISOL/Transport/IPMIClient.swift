import Logging
import NIOCore
import NIOPosix

/// A native IPMI v2.0 RMCP+ client for one BMC.
///
/// Commands are serialized over one reused session, which is opened on first use, kept
/// alive with Get Device ID while idle, and reopened when it has died. At most one
/// Serial-over-LAN console (``SOLConsole``) is open at a time. Call ``close()`` when done.
public actor IPMIClient {
    public let configuration: Configuration
    let logger: Logger
    private let eventLoopGroup: any EventLoopGroup
    var connection: RMCPPlusConnection?
    var console: SOLConsole?
    /// The last SOL sequence number used with this BMC; the next console starts after it,
    /// because ipmi_sim drops a first packet that repeats the previous session's last one.
    var lastSOLSequence: UInt8?
    private var gateBusy = false
    private var gateWaiters: [CheckedContinuation<Void, Never>] = []
    private var keepaliveTask: Task<Void, Never>?
    private var lastRequestAt = ContinuousClock.now
    private var isClosed = false
    /// Counters for monitoring and tests.
    public private(set) var statistics = Statistics()

    /// Session and traffic counters.
    public struct Statistics: Sendable, Equatable {
        public var sessionsEstablished = 0
        public var keepalivesSent = 0
        public var commandsSent = 0
    }

    /// The negotiated session, if one is open.
    public struct SessionInfo: Sendable, Equatable {
        public var cipherSuite: CipherSuite
        public var privilege: PrivilegeLevel
        public var remoteConsoleSessionID: UInt32
        public var managedSystemSessionID: UInt32
    }

    /// Creates a client; no packet is sent until the first command.
    public init(
        configuration: Configuration,
        logger: Logger = Logger(label: "ipmi"),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) throws {
        try configuration.validate()
        self.configuration = configuration
        var logger = logger
        logger[metadataKey: "ipmi.bmc"] = "\(configuration.host):\(configuration.port)"
        self.logger = logger
        self.eventLoopGroup = eventLoopGroup
    }

    /// The current session, if established.
    public var sessionInfo: SessionInfo? {
        get async {
            guard let connection, await connection.isUsable, let info = await connection.established else { return nil }
            return SessionInfo(
                cipherSuite: info.cipherSuite, privilege: info.privilege,
                remoteConsoleSessionID: info.remoteConsoleSessionID, managedSystemSessionID: info.managedSystemSessionID
            )
        }
    }

    /// Opens the session now instead of on the first command.
    public func connect() async throws {
        try await serialized { _ in }
    }

    /// Closes the console (Deactivate Payload), the session (Close Session) and the socket.
    public func close() async {
        guard !isClosed else { return }
        isClosed = true
        keepaliveTask?.cancel()
        await acquireGate()
        if let console {
            await deactivate(console)
        }
        if let connection {
            await connection.close()
        }
        connection = nil
        releaseGate()
    }

    // MARK: - Serialization

    func acquireGate() async {
        guard gateBusy else {
            gateBusy = true
            return
        }
        await withCheckedContinuation { gateWaiters.append($0) }
    }

    func releaseGate() {
        if gateWaiters.isEmpty {
            gateBusy = false
        } else {
            gateWaiters.removeFirst().resume()
        }
    }

    /// Runs `body` alone on a live session, opening (or reopening) it first.
    func serialized<T: Sendable>(
        retryOnDeadSession: Bool = false,
        _ body: (RMCPPlusConnection) async throws -> T
    ) async throws -> T {
        await acquireGate()
        defer { releaseGate() }
        guard !isClosed else { throw IPMIError.closed(reason: "the IPMI client was closed") }
        let (live, reused) = try await liveConnection()
        do {
            return try await body(live)
        } catch IPMIError.bmcNotAnswering(let step, let seconds) {
            await discard(live)
            guard retryOnDeadSession, reused else { throw IPMIError.bmcNotAnswering(step: step, seconds: seconds) }
            logger.info("ipmi session stopped answering; reconnecting")
            let (fresh, _) = try await liveConnection()
            return try await body(fresh)
        }
    }

    /// Sends one request on the serialized session and checks the completion code.
    func perform(_ request: IPMIRequest, idempotent: Bool = true) async throws -> [UInt8] {
        try await serialized(retryOnDeadSession: idempotent) { connection in
            try await self.send(request, on: connection)
        }
    }

    func send(_ request: IPMIRequest, on connection: RMCPPlusConnection) async throws -> [UInt8] {
        let response = try await sendAllowingFailure(request, on: connection)
        guard response.completionCode == .success else {
            if response.completionCode == .insufficientPrivilege {
                throw IPMIError.insufficientPrivilege(
                    detail: "\(request.name) needs more than \(configuration.privilege) privilege"
                        + " (completion code \(response.completionCode))"
                )
            }
            throw IPMIError.completionCode(response.completionCode, command: request.name)
        }
        return response.data
    }

    func sendAllowingFailure(_ request: IPMIRequest, on connection: RMCPPlusConnection) async throws -> IPMIResponse {
        statistics.commandsSent += 1
        lastRequestAt = .now
        return try await connection.request(request)
    }

    private func liveConnection() async throws -> (RMCPPlusConnection, reused: Bool) {
        if let connection, await connection.isUsable {
            return (connection, true)
        }
        if let stale = connection {
            await discard(stale)
        }
        let socket = try await UDPDatagramSocket.open(
            host: configuration.host, port: configuration.port, group: eventLoopGroup
        )
        let fresh = RMCPPlusConnection(
            configuration: configuration.sessionConfiguration, socket: socket, logger: logger
        )
        do {
            let info = try await fresh.establish()
            logger.debug("ipmi session established", metadata: ["ipmi.cipherSuite": "\(info.cipherSuite.id)"])
        } catch {
            await fresh.close()
            throw error
        }
        connection = fresh
        statistics.sessionsEstablished += 1
        lastRequestAt = .now
        startKeepalive()
        return (fresh, false)
    }

    /// Drops a dead session; an open console ends with the session's error.
    private func discard(_ dead: RMCPPlusConnection) async {
        if connection === dead {
            connection = nil
            if console != nil {
                lastSOLSequence = await dead.detachSOL(reason: .closed(reason: "the IPMI session died")) ?? lastSOLSequence
                console = nil
            }
        }
        await dead.close()
    }

    // MARK: - Keepalive

    private func startKeepalive() {
        guard keepaliveTask == nil, let interval = configuration.keepaliveInterval else { return }
        keepaliveTask = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval / 2)
                guard !Task.isCancelled, let self else { return }
                await self.keepaliveTick(interval: interval)
            }
        }
    }

    private func keepaliveTick(interval: Duration) async {
        guard !isClosed, !gateBusy, let connection, await connection.isUsable,
              ContinuousClock.now - lastRequestAt >= interval
        else { return }
        statistics.keepalivesSent += 1
        do {
            try await serialized { live in
                if self.console != nil {
                    try await self.checkConsoleOwnership(on: live)
                } else {
                    _ = try await self.send(DeviceID.request, on: live)
                }
            }
        } catch {
            logger.info("ipmi keepalive failed", metadata: ["ipmi.error": "\(error)"])
        }
    }

    /// Keepalive while a console is open: asks which session holds the SOL payload. A BMC
    /// need not tell a session that another one forced its payload away (ipmi_sim does not),
    /// and an idle console would never notice; this ends it with a clear reason instead.
    private func checkConsoleOwnership(on connection: RMCPPlusConnection) async throws {
        let response = try await sendAllowingFailure(SOLPayloadActivation.instanceInfoRequest, on: connection)
        guard response.completionCode == .success, let console, console.connection === connection,
              let ours = await connection.established?.managedSystemSessionID,
              let holder = try? SOLPayloadActivation.decodeInstanceHolder(response.data), holder != ours
        else { return }
        self.console = nil
        let reason = holder == 0 ? "the BMC deactivated the SOL payload" : "another session took the SOL payload over"
        lastSOLSequence = await connection.detachSOL(reason: .closed(reason: reason)) ?? lastSOLSequence
        logger.info("sol console ended", metadata: ["ipmi.reason": "\(reason)"])
    }
}
