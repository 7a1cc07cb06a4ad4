import Foundation

/// One server's configuration, checked: everything `init` can verify without I/O.
struct BMCSettings: Sendable, Equatable {
    /// Where the password comes from; a file is read only when the BMC is first contacted.
    enum PasswordSource: Sendable, Equatable {
        case value(String)
        case file(URL)
    }

    var name: String
    var host: String
    var port: Int
    var username: String
    var password: PasswordSource
    var privilege: PrivilegeLevel
    var cipherSuitePolicy: CipherSuitePolicy
    var policyName: String
    var timeout: Duration
    var keepalive: Duration

    /// Suite 0-2 may be negotiated (no encryption, or no password check at all with suite 0).
    var allowsInsecureSuites: Bool {
        cipherSuitePolicy.preferenceOrder.contains { $0.id < 3 }
    }

    /// - Parameter resolvePath: makes `passwordFile` absolute against the manifest's folder.
    init(_ config: IPMIServerConfig, at path: String, resolvePath: (String) -> URL) throws(IPMISOLConfigError) {
        func fail(_ key: String, _ reason: String) -> IPMISOLConfigError {
            IPMISOLConfigError(path: "\(path).\(key)", reason: reason)
        }
        guard !config.name.isEmpty else { throw fail("name", "required: the server's name, e.g. lab-01") }
        guard !config.host.isEmpty else { throw fail("host", "required: the BMC's host name or IP address") }
        guard (1...65535).contains(config.port) else { throw fail("port", "\(config.port) is not in 1...65535") }
        guard !config.username.isEmpty else { throw fail("username", "required") }
        guard config.username.utf8.count <= 16 else { throw fail("username", "IPMI allows at most 16 bytes") }
        switch (config.password.isEmpty, config.passwordFile.isEmpty) {
        case (true, true):
            throw fail("passwordFile", "set passwordFile, or password as a ${ENV} or file: reference")
        case (false, false):
            throw fail("password", "set either password or passwordFile, not both")
        case (false, true):
            guard config.password.utf8.count <= 20 else { throw fail("password", "IPMI v2.0 allows at most 20 bytes") }
            password = .value(config.password)
        case (true, false):
            password = .file(resolvePath(config.passwordFile))
        }
        guard let privilege = Self.privileges[config.privilege] else {
            throw fail("privilege", "\"\(config.privilege)\" is not one of administrator, operator, user")
        }
        guard let policy = Self.policy(named: config.cipherSuitePolicy) else {
            let ids = CipherSuite.implemented.map { "only-\($0.id)" }.joined(separator: ", ")
            throw fail("cipherSuitePolicy", "\"\(config.cipherSuitePolicy)\" is not one of strongest, allow-insecure, \(ids)")
        }
        guard config.timeoutSeconds > 0, config.timeoutSeconds <= 120 else {
            throw fail("timeoutSeconds", "\(config.timeoutSeconds) is not in (0, 120]")
        }
        guard config.keepaliveSeconds >= 0.1, config.keepaliveSeconds <= 600 else {
            throw fail("keepaliveSeconds", "\(config.keepaliveSeconds) is not in [0.1, 600]")
        }
        name = config.name
        host = config.host
        port = config.port
        username = config.username
        self.privilege = privilege
        cipherSuitePolicy = policy
        policyName = config.cipherSuitePolicy
        timeout = .milliseconds(Int64((config.timeoutSeconds * 1000).rounded()))
        keepalive = .milliseconds(Int64((config.keepaliveSeconds * 1000).rounded()))
    }

    static let privileges: [String: PrivilegeLevel] = ["administrator": .administrator, "operator": .operator, "user": .user]

    /// `strongest`, `allow-insecure` or `only-N` with N an implemented suite.
    static func policy(named name: String) -> CipherSuitePolicy? {
        switch name {
        case "strongest": return .strongest
        case "allow-insecure": return .allowInsecure
        default:
            guard name.hasPrefix("only-"), let id = UInt8(name.dropFirst(5)), let suite = CipherSuite(id: id) else { return nil }
            return .only(suite)
        }
    }

    /// The client configuration, with the password read now (a file is read here, at run time).
    func clientConfiguration() throws(IPMISOLError) -> IPMIClient.Configuration {
        let secret: String
        switch password {
        case .value(let value):
            secret = value
        case .file(let url):
            guard var bytes = FileManager.default.contents(atPath: url.path).map(Array.init) else {
                throw .passwordFile(server: name, path: url.path, reason: "cannot be read")
            }
            // One trailing newline (LF or CRLF) is not part of the password.
            if bytes.last == 0x0A {
                bytes.removeLast()
                if bytes.last == 0x0D { bytes.removeLast() }
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .passwordFile(server: name, path: url.path, reason: "is not UTF-8 text")
            }
            guard text.utf8.count <= 20 else {
                throw .passwordFile(server: name, path: url.path, reason: "holds \(text.utf8.count) bytes; IPMI v2.0 allows at most 20")
            }
            secret = text
        }
        return IPMIClient.Configuration(
            host: host, port: port, username: username, password: secret, privilege: privilege,
            cipherSuitePolicy: cipherSuitePolicy, timeout: timeout, maximumAttempts: 4, keepaliveInterval: keepalive
        )
    }
}
