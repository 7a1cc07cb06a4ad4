import Kernel

extension RedfishPlugin {
    /// The settings of one `redfish` instance.
    public struct Config: PluginConfig {
        /// The servers this instance manages, each through its BMC's Redfish service.
        public var servers: [RedfishServerConfig] = []
        /// Deadline of each HTTP request to a BMC (connect, TLS, answer).
        public var requestTimeoutSeconds = 10
        /// How long a power cycle without `PowerCycle` waits for `Off` before switching on.
        public var powerWaitSeconds = 30
        /// How long `inventory.list` reuses a server's detected capabilities.
        public var capabilityCacheSeconds = 300
        /// How long `inventory.list` waits for one server's detection (keep it under the
        /// callers' ask timeout); a slower one goes on in the background and fills the cache.
        public var inventoryWaitSeconds = 5

        public init() {}
    }
}

extension RedfishPlugin.Config {
    /// Checks every setting without I/O.
    func validated() throws(RedfishConfigError) -> [ValidatedServer] {
        guard (1...300).contains(requestTimeoutSeconds) else { throw RedfishConfigError("requestTimeoutSeconds must be 1...300") }
        guard (1...600).contains(powerWaitSeconds) else { throw RedfishConfigError("powerWaitSeconds must be 1...600") }
        guard (0...86_400).contains(capabilityCacheSeconds) else { throw RedfishConfigError("capabilityCacheSeconds must be 0...86400") }
        guard (1...120).contains(inventoryWaitSeconds) else { throw RedfishConfigError("inventoryWaitSeconds must be 1...120") }
        var seen: Set<String> = []
        return try servers.enumerated().map { (index, server) throws(RedfishConfigError) in
            let at = "servers[\(index)]"
            guard !server.name.isEmpty else { throw RedfishConfigError("\(at).name is empty") }
            guard seen.insert(server.name).inserted else { throw RedfishConfigError("\(at).name \(server.name) is used twice") }
            guard !server.username.isEmpty else { throw RedfishConfigError("\(at) (\(server.name)).username is empty") }
            guard !server.password.isEmpty else { throw RedfishConfigError("\(at) (\(server.name)).password is empty") }
            let address: BMCAddress
            do throws(BMCAddressError) { address = try BMCAddress(parsing: server.url) } catch {
                throw RedfishConfigError("\(at) (\(server.name)).url: \(error.reason)")
            }
            let trust: TLSTrust
            switch (server.certificateFile, server.insecureSkipVerify) {
            case (.some, true):
                throw RedfishConfigError("\(at) (\(server.name)): set certificateFile or insecureSkipVerify, not both")
            case (.some(let file), false):
                guard !file.isEmpty else { throw RedfishConfigError("\(at) (\(server.name)).certificateFile is empty") }
                trust = .pinned(path: file)
            case (.none, true):
                trust = .insecure
            case (.none, false):
                trust = .system
            }
            return ValidatedServer(config: server, address: address, trust: trust)
        }
    }
}
