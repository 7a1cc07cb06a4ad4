import Foundation
import Kernel
import KernelTesting
@testable import IPMISOL

/// Boots `ipmi-sol` (and a ``TakeoverRecorder``) through ``TestNode`` against a lab BMC.
enum PluginHarness {
    /// The server name the lab BMC gets in the manifest.
    static let server = "sim-01"

    /// Writes the admin password (with a trailing newline, as editors leave it) into the lab.
    static func passwordFile(_ lab: IPMISimulatorLab, _ password: String = "password") throws -> String {
        let url = lab.directory.appendingPathComponent("admin-\(UUID().uuidString.prefix(6)).password")
        try (password + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func yaml(
        port: Int, passwordFile: String, scrollback: Int = 1_048_576, allowForceTakeover: Bool = false,
        timeoutSeconds: Double = 2, keepaliveSeconds: Double = 10, discovery: String = ""
    ) -> String {
        """
        role: test
        plugins:
          - use: takeover-recorder
          - use: ipmi-sol
            with:
              servers:
                - name: \(server)
                  host: 127.0.0.1
                  port: \(port)
                  username: admin
                  passwordFile: \(passwordFile)
                  timeoutSeconds: \(timeoutSeconds)
                  keepaliveSeconds: \(keepaliveSeconds)
              consoleScrollbackBytes: \(scrollback)
              allowForceTakeover: \(allowForceTakeover)
        \(discovery)
        """
    }

    /// Runs `body` with the plugin pointed at `lab`.
    static func run<T: Sendable>(
        _ lab: IPMISimulatorLab, scrollback: Int = 1_048_576, allowForceTakeover: Bool = false, keepaliveSeconds: Double = 10,
        _ body: @Sendable (RoleRunner) async throws -> T
    ) async throws -> T {
        let yaml = yaml(
            port: lab.port, passwordFile: try passwordFile(lab), scrollback: scrollback, allowForceTakeover: allowForceTakeover,
            keepaliveSeconds: keepaliveSeconds
        )
        return try await TestNode.run(yaml, plugins: [IPMISOLPlugin.self, TakeoverRecorder.self], body)
    }
}
