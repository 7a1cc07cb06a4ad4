/// Finds a server's serial console, best option first. Pure: no I/O.
///
/// 1. `SerialConsole.WebSocket` of the ComputerSystem, then of the Manager (enabled ones only);
/// 2. the vendor's own console (OpenBMC's `/console0`);
/// 3. IPMI Serial-over-LAN when the server also has IPMI configured;
/// 4. none.
public enum ConsoleDiscovery {
    /// The best serial console endpoint, or `.none`.
    public static func discover(
        address: BMCAddress, system: ComputerSystem, manager: Manager?, vendor: any RedfishVendor, ipmiConfigured: Bool
    ) -> SerialConsoleEndpoint {
        let standard: [(String, SerialConsoleWebSocket?)] = [("system", system.serialConsole), ("manager", manager?.serialConsole)]
        for (source, socket) in standard {
            guard let socket, socket.serviceEnabled else { continue }
            let url = address.samePath(socket.consoleURI).map(address.webSocketURL) ?? socket.consoleURI
            return SerialConsoleEndpoint(kind: .redfishWebSocket, url: url, interactive: socket.interactive, source: source)
        }
        if let vendorConsole = vendor.serialConsole(at: address, system: system, manager: manager) { return vendorConsole }
        if ipmiConfigured { return SerialConsoleEndpoint(kind: .ipmiSOL, source: "ipmi") }
        return SerialConsoleEndpoint(kind: .none)
    }
}
