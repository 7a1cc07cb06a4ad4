import Contracts
import Logging

/// One configured BMC in Contracts terms. Its ``IPMIClient`` (one reused session, commands
/// serialized) is made on first use, which is when a `passwordFile` is read; after a login
/// failure it is dropped, so a corrected password file is picked up by the next request.
actor ManagedBMC {
    let settings: BMCSettings
    private let logger: Logger
    private var client: IPMIClient?
    private var isClosed = false

    init(settings: BMCSettings, logger: Logger) {
        self.settings = settings
        var logger = logger
        logger[metadataKey: "ipmi.server"] = "\(settings.name)"
        self.logger = logger
    }

    var server: ServerID { settings.name }
    nonisolated var endpoint: String { "\(settings.host):\(settings.port)" }

    func powerSet(_ action: Power.Action) async throws -> Power.Set.Reply {
        try await use { try await $0.chassisControl(ContractMapping.chassisAction(action)) }
        logger.info("power action", metadata: ["ipmi.action": "\(action.rawValue)"])
        return .init(server: server, action: action)
    }

    func powerStatus() async throws -> Power.Status.Reply {
        let status = try await use { try await $0.chassisStatus() }
        return .init(server: server, state: status.isPowerOn ? .on : .off)
    }

    func bootSet(_ request: Boot.Set) async throws -> Boot.Setting {
        let device = ContractMapping.bootDevice(request.device)
        try await use { try await $0.setBootDevice(device, persistent: request.persistent, uefi: request.uefi) }
        return try await bootGet()
    }

    func bootGet() async throws -> Boot.Setting {
        // The device selector, whatever the valid flag says: ipmitool shows it the same way, and
        // some BMCs (ipmi_sim) never set the flag.
        let flags = try await use { try await $0.bootOverride() }
        guard let device = ContractMapping.bootDevice(flags.device) else {
            throw IPMISOLError.unsupportedBootDevice(server: server, flags.device)
        }
        return .init(server: server, device: device, persistent: flags.persistent, uefi: flags.uefi)
    }

    func info() async throws -> BMC.Info.Reply {
        ContractMapping.info(try await use { try await $0.deviceID() }, server: server)
    }

    func events() async throws -> SystemEventLog.List.Reply {
        .init(entries: try await use { try await $0.selEntries() }.map(ContractMapping.event))
    }

    func clearEvents() async throws -> SystemEventLog.Clear.Reply {
        try await use { try await $0.clearSEL() }
        logger.info("system event log cleared")
        return .init()
    }

    /// Activates SOL; `force` deactivates a payload that another session holds first.
    func openConsole(force: Bool) async throws -> SOLConsole {
        try await use { try await $0.openConsole(force: force) }
    }

    /// Closes the session (and any console); later requests fail.
    func close() async {
        isClosed = true
        let closing = client
        client = nil
        await closing?.close()
    }

    /// Runs `body` with the client, turning every failure into an ``IPMISOLError``.
    private func use<T: Sendable>(_ body: @Sendable (IPMIClient) async throws -> T) async throws -> T {
        let client = try currentClient()
        do {
            return try await body(client)
        } catch let error as IPMIError {
            switch error {
            case .wrongPassword, .unknownUser, .insufficientPrivilege:
                await forget(client)
            default:
                break
            }
            throw IPMISOLError.bmc(server: server, endpoint: endpoint, error)
        }
    }

    private func currentClient() throws -> IPMIClient {
        guard !isClosed else { throw IPMISOLError.stopped(server: server) }
        if let client { return client }
        let configuration = try settings.clientConfiguration()
        let made: IPMIClient
        do {
            made = try IPMIClient(configuration: configuration, logger: logger)
        } catch let error as IPMIError {
            throw IPMISOLError.bmc(server: server, endpoint: endpoint, error)
        }
        client = made
        return made
    }

    private func forget(_ failed: IPMIClient) async {
        guard client === failed else { return }
        client = nil
        await failed.close()
    }
}
