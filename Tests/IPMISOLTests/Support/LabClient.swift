import Foundation
import Logging
@testable import IPMISOL

/// Client configurations used against the lab.
enum LabClient {
    static func configuration(
        port: Int, username: String = "admin", password: String = "password",
        privilege: PrivilegeLevel = .administrator, policy: CipherSuitePolicy = .strongest,
        timeout: Duration = .seconds(2), attempts: Int = 4, keepalive: Duration? = nil
    ) -> IPMIClient.Configuration {
        IPMIClient.Configuration(
            host: "127.0.0.1", port: port, username: username, password: password, privilege: privilege,
            cipherSuitePolicy: policy, timeout: timeout, maximumAttempts: attempts, keepaliveInterval: keepalive
        )
    }

    /// IPMI_TEST_TRACE=1 logs every SOL packet (no payloads) to stderr.
    static func make(_ configuration: IPMIClient.Configuration) throws -> IPMIClient {
        var logger = Logger(label: "ipmi-test", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = ProcessInfo.processInfo.environment["IPMI_TEST_TRACE"] == "1" ? Logger.Level.trace : Logger.Level.warning
        return try IPMIClient(configuration: configuration, logger: logger)
    }
}
