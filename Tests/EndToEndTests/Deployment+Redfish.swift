import Foundation
import KernelTesting

extension Deployment {
    /// An agent serving `server` through the `redfish` plugin against the lab's sushy-tools
    /// system of `labServer`, its HTTPS certificate pinned.
    func startRedfishAgent(_ name: String, gateway: Gateway, server: String, labServer: String) async throws -> RunningTether {
        guard let redfish = lab.server(labServer)?.redfish else { throw Lab.Missing() }
        let yaml = """
            role: agent
            node: \(name)
            plugins:
              - use: link
                with: {dial: "127.0.0.1:\(gateway.linkPort)", trustRoots: "\(certificates.caCertificate)", token: "file:\(folder.path)/link.token", reconnectMaximumSeconds: 1}
              - use: redfish
                with:
                  servers:
                    - {name: \(server), url: "\(redfish.url)", username: \(redfish.username), password: "file:\(redfish.passwordFile)", systemId: "\(redfish.systemId)", certificateFile: "\(redfish.certificateFile)"}
            """
        let process = try await TetherProcess.start(["run", "-"], yaml: yaml)
        try await process.waitForLog("link established", timeout: .seconds(30))
        return process
    }
}
