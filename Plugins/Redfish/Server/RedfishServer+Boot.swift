import Contracts

extension RedfishServer {
    func bootSetting() async throws(RedfishError) -> Boot.Setting {
        try BootMapping.setting(of: try bootOverride(of: try await system()), server: name)
    }

    /// PATCHes the boot override and answers with what the BMC reports afterwards.
    func setBoot(_ request: Boot.Set) async throws(RedfishError) -> Boot.Setting {
        let system = try await system()
        let body = try BootMapping.patchBody(for: request, current: try bootOverride(of: system), server: name)
        try await connection.send("PATCH", system.path, body: body)
        logger.info("boot override set", metadata: ["server": "\(name)", "device": "\(request.device.rawValue)", "persistent": "\(request.persistent)"])
        return try await bootSetting()
    }

    private func bootOverride(of system: ComputerSystem) throws(RedfishError) -> BootOverride {
        guard let boot = system.boot else { throw .notSupported(server: name, what: "a boot source override (no Boot object)") }
        return boot
    }
}
