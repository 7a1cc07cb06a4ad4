import Contracts
import Foundation
import Kernel
import Testing

@testable import Redfish

/// Against sushy-tools' emulator (fake driver) over HTTPS, its self-signed certificate pinned.
@Suite(.timeLimit(.minutes(5))) struct SushyTests {
    static func servers(_ sushy: SushyEmulator, password: String? = nil) -> [String] {
        [
            RedfishNode.server("node-1", url: sushy.url, password: password ?? sushy.password, certificate: sushy.certificate.certificate, systemId: "node-1"),
            RedfishNode.server(
                "node-2", url: sushy.url, password: password ?? sushy.password, certificate: sushy.certificate.certificate, systemId: SushyEmulator.node2),
        ]
    }

    @Test func listsShowsAndDescribesSystems() async throws {
        let sushy = try SushyEmulator(password: "lab-password-1")
        defer { sushy.stop() }
        try await RedfishNode.run(servers: Self.servers(sushy)) { node in
            let inventory = try await ask(node, Inventory.List())
            #expect(inventory.servers.map(\.id) == ["node-1", "node-2"])
            for server in inventory.servers {
                #expect(server.capabilities == [.redfish, .power, .boot])
                #expect(server.managedBy == "redfish")
            }

            let show = try await ask(node, RedfishMessages.SystemShow(server: "node-1"))
            #expect(show.systemPath == "/redfish/v1/Systems/\(SushyEmulator.node1)")
            #expect(show.vendorHandler == "generic")
            #expect(show.manufacturer == "Sushy Emulator")
            #expect(show.powerState == "Off" && show.power == .off)
            #expect(show.health == "OK")
            #expect(show.boot?.target == "Hdd" && show.boot?.mode == "UEFI")
            #expect(show.resetTypes == ["On", "ForceOff", "GracefulShutdown", "GracefulRestart", "ForceRestart", "Nmi", "ForceOn"])
            #expect(show.manager?.firmwareVersion == "1.00")
            #expect(show.serialConsole.kind == .none)
            #expect(show.redfishVersion == "1.5.0")

            let info = try await ask(node, BMC.Info(server: "node-2"))
            #expect(info == BMC.Info.Reply(server: "node-2", manufacturer: "Sushy Emulator", product: "Joo Janta 200", firmware: "1.00", protocolVersion: "1.5.0"))

            let sensors = try await ask(node, RedfishMessages.Sensors(server: "node-1"))
            #expect(sensors.source == "thermal-power")
            #expect(sensors.readings.filter { $0.kind == .temperature }.map(\.reading) == [41, 41, 25])
            #expect(sensors.readings.filter { $0.kind == .fan }.map(\.name) == ["BaseBoard System Fan", "BaseBoard System Fan Backup"])

            let log = try await askFailing(node, SystemEventLog.List(server: "node-1"))
            #expect(log.code == "not-supported" && log.message.contains("LogServices"))
        }
    }

    @Test func everyPowerActionChangesPowerState() async throws {
        let sushy = try SushyEmulator(password: "lab-password-2")
        defer { sushy.stop() }
        try await RedfishNode.run(servers: Self.servers(sushy)) { node in
            #expect(try await ask(node, Power.Status(server: "node-1")).state == .off)
            let steps: [(Power.Action, Power.State)] = [(.on, .on), (.reset, .on), (.cycle, .on), (.off, .off), (.cycle, .on), (.soft, .off)]
            for (action, expected) in steps {
                let reply = try await ask(node, Power.Set(server: "node-1", action: action))
                #expect(reply == Power.Set.Reply(server: "node-1", action: action))
                let state = try await ask(node, Power.Status(server: "node-1")).state
                #expect(state == expected, "after \(action)")
            }
            // Only the configured system changed.
            #expect(try await ask(node, Power.Status(server: "node-2")).state == .off)
            let nmi = try await ask(node, RedfishMessages.Reset(server: "node-2", resetType: "ForceOn"))
            #expect(nmi.resetType == "ForceOn")
            #expect(try await ask(node, Power.Status(server: "node-2")).state == .on)
        }
    }

    @Test func bootOverrideFollowsRequests() async throws {
        let sushy = try SushyEmulator(password: "lab-password-3")
        defer { sushy.stop() }
        try await RedfishNode.run(servers: Self.servers(sushy)) { node in
            let pxe = try await ask(node, Boot.Set(server: "node-1", device: .pxe, persistent: true, uefi: true))
            #expect(pxe == Boot.Setting(server: "node-1", device: .pxe, persistent: true, uefi: true))
            #expect(try await ask(node, Boot.Get(server: "node-1")) == pxe)

            // sushy reports every override as Continuous, whatever was asked.
            let cd = try await ask(node, Boot.Set(server: "node-1", device: .cdrom, persistent: false, uefi: false))
            #expect(cd.device == .cdrom && cd.uefi == false)
            let show = try await ask(node, RedfishMessages.SystemShow(server: "node-1"))
            #expect(show.boot?.target == "Cd" && show.boot?.mode == "Legacy")

            let disk = try await ask(node, Boot.Set(server: "node-1", device: .disk, uefi: true))
            #expect(disk.device == .disk && disk.uefi)

            // BiosSetup is not among sushy's BootSourceOverrideTarget@Redfish.AllowableValues.
            let bios = try await askFailing(node, Boot.Set(server: "node-1", device: .bios))
            #expect(bios.code == "not-allowed")
            #expect(bios.message.contains("BiosSetup") && bios.message.contains("Pxe, Cd, Hdd"))

            let none = try await ask(node, Boot.Set(server: "node-1", device: .none))
            #expect(none.device == .none)
            // node-2 untouched
            #expect(try await ask(node, Boot.Get(server: "node-2")).device == .disk)
        }
    }

    @Test func unknownResetTypesAndBMCErrorsAreClear() async throws {
        let sushy = try SushyEmulator(password: "lab-password-4")
        defer { sushy.stop() }
        try await RedfishNode.run(servers: Self.servers(sushy) + [
            RedfishNode.server("ghost", url: sushy.url, password: sushy.password, certificate: sushy.certificate.certificate, systemId: "node-9"),
            RedfishNode.server("ambiguous", url: sushy.url, password: sushy.password, certificate: sushy.certificate.certificate),
        ]) { node in
            let refused = try await askFailing(node, RedfishMessages.Reset(server: "node-1", resetType: "Bogus"))
            #expect(refused.code == "not-allowed")
            #expect(refused.message == "node-1: the BMC does not allow ResetType Bogus; it allows On, ForceOff, GracefulShutdown, GracefulRestart, ForceRestart, Nmi, ForceOn")

            let unknown = try await askFailing(node, Power.Status(server: "nope"))
            #expect(unknown.code == "unknown-server" && unknown.message.contains("known: node-1, node-2, ghost, ambiguous"))

            let ghost = try await askFailing(node, Power.Status(server: "ghost"))
            #expect(ghost.code == "not-found" && ghost.message.contains("no system node-9") && ghost.message.contains(SushyEmulator.node1))

            let ambiguous = try await askFailing(node, Power.Status(server: "ambiguous"))
            #expect(ambiguous.code == "not-found" && ambiguous.message.contains("has 2 systems") && ambiguous.message.contains("set systemId"))
        }

        // What the BMC itself answers with 5xx and 4xx, below the plugin's own checks.
        let logs = CapturedLogs()
        let box = HTTPClientBox(timeoutSeconds: 10)
        let connection = RedfishConnection(
            server: "node-1", address: try BMCAddress(parsing: sushy.url), trust: .pinned(path: sushy.certificate.certificate.path),
            credentials: Credentials(username: "admin", password: sushy.password), box: box, timeoutSeconds: 10, logger: logs.logger())
        let server = RedfishServer(
            name: "node-1", connection: connection, systemID: "node-1", ipmiConfigured: false, powerWaitSeconds: 10, capabilityCacheSeconds: 0,
            logger: logs.logger())
        do {
            let path = try await server.resolveSystemPath()
            let fiveHundred = await #expect(throws: RedfishError.self) { try await server.reset("Bogus", checkAllowed: false) }
            #expect(fiveHundred?.code == "bmc-error")
            #expect(
                fiveHundred?.message
                    == "node-1: the BMC answered POST \(path)/Actions/ComputerSystem.Reset with HTTP 501: Power state Bogus is not supported")

            let fourHundred = await #expect(throws: RedfishError.self) {
                try await connection.send("PATCH", path, body: .object(["Boot": .object([:])]))
            }
            #expect(fourHundred?.code == "bmc-error")
            #expect(fourHundred?.message.contains("HTTP 400: PATCH only works for Boot and IndicatorLED elements") == true, "\(String(describing: fourHundred))")

            let notFound = await #expect(throws: RedfishError.self) { try await connection.get("/redfish/v1/Systems/nope") }
            #expect(notFound?.code == "not-found" && notFound?.message.contains("HTTP 404: Fake system nope was not found") == true)
        }
        await connection.close()
        await box.shutdown()
    }

    @Test func wrongPasswordIsAClearError() async throws {
        let sushy = try SushyEmulator(password: "lab-password-5")
        defer { sushy.stop() }
        try await RedfishNode.run(servers: Self.servers(sushy, password: "not-the-password")) { node in
            let failure = try await askFailing(node, Power.Status(server: "node-1"))
            #expect(failure.code == "bmc-auth-failed")
            #expect(
                failure.message
                    == "node-1: the BMC rejected the username or password (HTTP 401); check username and password of this server in the plugin configuration")
            let inventory = try await ask(node, Inventory.List())
            #expect(inventory.servers.allSatisfy { $0.capabilities.isEmpty })
        }
    }

    @Test func certificatesArePinnedAndTheOptOutIsLoud() async throws {
        let sushy = try SushyEmulator(password: "lab-password-6")
        defer { sushy.stop() }
        let otherFolder = try TestFolder.make("other-cert")
        defer { try? FileManager.default.removeItem(at: otherFolder) }
        let other = try TestCertificate.make(in: otherFolder)
        let logs = CapturedLogs()
        try await RedfishNode.run(
            servers: [
                RedfishNode.server("system-trust", url: sushy.url, password: sushy.password, systemId: "node-1"),
                RedfishNode.server("wrong-pin", url: sushy.url, password: sushy.password, certificate: other.certificate, systemId: "node-1"),
                RedfishNode.server("missing-pin", url: sushy.url, password: sushy.password, certificate: URL(fileURLWithPath: "/nonexistent/bmc.pem"), systemId: "node-1"),
                RedfishNode.server("lab-1", url: sushy.url, password: sushy.password, insecure: true, systemId: "node-1"),
                RedfishNode.server("lab-2", url: sushy.url, password: sushy.password, insecure: true, systemId: "node-2"),
            ], logs: logs
        ) { node in
            for name in ["system-trust", "wrong-pin"] {
                let failure = try await askFailing(node, Power.Status(server: name))
                #expect(failure.code == "bmc-unreachable", "\(name)")
                #expect(failure.message.contains("TLS") && failure.message.contains("set certificateFile"), "\(name): \(failure.message)")
            }
            let missing = try await askFailing(node, Power.Status(server: "missing-pin"))
            #expect(missing.code == "bmc-tls" && missing.message.contains("/nonexistent/bmc.pem"))
            #expect(try await ask(node, Power.Status(server: "lab-1")).state == .off)
            #expect(try await ask(node, Power.Status(server: "lab-2")).state == .off)
        }
        let warnings = logs.all.filter { $0.hasPrefix("warning TLS CERTIFICATE VERIFICATION IS OFF") }
        #expect(warnings.count == 2)
        #expect(warnings.contains { $0.contains("server=lab-1") } && warnings.contains { $0.contains("server=lab-2") })
    }
}
