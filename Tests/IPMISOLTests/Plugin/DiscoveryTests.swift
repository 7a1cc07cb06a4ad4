import Foundation
import Kernel
import KernelTesting
import Testing
@testable import IPMISOL

/// The RMCP presence-ping probe, on loopback addresses only.
@Suite(.serialized, .enabled(if: IPMISimulatorLab.isInstalled, "ipmi_sim is not installed (apt-get install openipmi)"))
struct DiscoveryTests {
    @Test func probeFindsTheBMCAndNothingElse() async throws {
        try await IPMISimulatorLab.with { lab in
            // ipmi_sim binds 127.0.0.1 only: .2 and .3 are loopback addresses nobody answers on.
            let discovery = """
                  discovery:
                    ranges: ["127.0.0.1-127.0.0.3"]
                    port: \(lab.port)
                    timeoutMilliseconds: 500
            """
            let yaml = PluginHarness.yaml(port: lab.port, passwordFile: try PluginHarness.passwordFile(lab), discovery: discovery)
            try await TestNode.run(yaml, plugins: [IPMISOLPlugin.self, TakeoverRecorder.self]) { node in
                let reply = try await node.bus.ask(IPMIDiscovery.List(refresh: true))
                #expect(reply.found == [IPMIDiscovery.Found(host: "127.0.0.1", port: lab.port, supportsIPMI: true, server: PluginHarness.server)])
                #expect(reply.probedAt != nil)
            }
        }
    }

    @Test func probeOfSilentAddressesFindsNone() async throws {
        let pongs = try await PresenceProber.probe(hosts: ["127.0.0.2", "127.0.0.3"], port: FreePort.findUDP(), timeout: .milliseconds(300))
        #expect(pongs.isEmpty)
    }
}
