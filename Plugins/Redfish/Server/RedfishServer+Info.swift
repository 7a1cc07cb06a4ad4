import Contracts

extension RedfishServer {
    func bmcInfo() async throws(RedfishError) -> BMC.Info.Reply {
        let (root, _) = try await connection.service()
        let system = try await system()
        let manager = try await manager(of: system)
        return BMC.Info.Reply(
            server: name, manufacturer: root.vendor ?? manager?.manufacturer ?? system.manufacturer ?? "unknown",
            product: root.product ?? manager?.model ?? "unknown", firmware: manager?.firmwareVersion ?? "unknown",
            protocolVersion: root.redfishVersion ?? "unknown")
    }

    /// Everything `redfish.system.show` reports; refreshes the capability cache.
    func details() async throws(RedfishError) -> SystemDetails {
        let (root, vendor) = try await connection.service()
        let system = try await system()
        let manager = try await manager(of: system)
        var network: ManagerNetworkProtocol?
        if let path = manager?.networkProtocolPath {
            do { network = ManagerNetworkProtocol(json: try await connection.get(path)) } catch { skipOptional(error) }
        }
        var interfaces: [EthernetInterface] = []
        if let path = manager?.ethernetInterfacesPath {
            do {
                interfaces = try await expandedMembers(of: path) { $0["MACAddress"] != .null }.prefix(8).map(EthernetInterface.init(json:))
            } catch { skipOptional(error) }
        }
        var resetTypes: [String]?
        if let reset = system.reset {
            do { resetTypes = try await allowedResetTypes(reset) } catch { skipOptional(error) }
        }
        let address = connection.address
        let console = ConsoleDiscovery.discover(address: address, system: system, manager: manager, vendor: vendor, ipmiConfigured: ipmiConfigured)
        let kvm = vendor.kvm(at: address, manager: manager)
        let capabilities = CapabilityDetection.detect(
            system: system, manager: manager, network: network, console: console, kvm: kvm, ipmiConfigured: ipmiConfigured)
        cachedCapabilities = (ContinuousClock.now, capabilities)
        let managerDetails = manager.map { manager in
            ManagerDetails(
                path: manager.path, model: manager.model, manufacturer: manager.manufacturer, firmwareVersion: manager.firmwareVersion,
                health: manager.status.health, hostName: network?.fqdn ?? network?.hostName ?? interfaces.compactMap(\.hostName).first,
                macAddresses: interfaces.compactMap(\.macAddress), ipv4Addresses: interfaces.flatMap(\.ipv4Addresses),
                protocols: network?.protocols ?? [:])
        }
        return SystemDetails(
            server: name, vendorHandler: vendor.id, serviceVendor: root.vendor, serviceProduct: root.product,
            redfishVersion: root.redfishVersion, systemPath: system.path, model: system.model, manufacturer: system.manufacturer,
            serialNumber: system.serialNumber, sku: system.sku, biosVersion: system.biosVersion, hostName: system.hostName,
            powerState: system.powerState, power: PowerStateMapping.state(system.powerState), health: vendor.health(of: system),
            state: system.status.state, bootProgress: vendor.bootProgress(of: system), boot: system.boot, resetTypes: resetTypes,
            manager: managerDetails, serialConsole: console, kvm: kvm, capabilities: capabilities)
    }

    /// Optional extras (network, interfaces, ActionInfo) are left out when unreadable.
    private func skipOptional(_ error: RedfishError) {
        logger.debug("optional redfish resource unavailable", metadata: ["server": "\(name)", "error": "\(error)"])
    }
}
