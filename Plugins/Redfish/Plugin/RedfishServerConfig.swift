/// One server in the `redfish` plugin's `servers` list. Printing it never shows the password.
public struct RedfishServerConfig: Codable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The server's name (`ServerID`) in every request.
    public var name: String
    /// The BMC: `https://host[:port]`.
    public var url: String
    public var username: String
    /// Write `${ENV_NAME}` or `file:/path`; never inline.
    public var password: String
    /// PEM file with the BMC's certificate or its CA: the only trust root for this BMC.
    public var certificateFile: String?
    /// Lab BMCs only: no certificate verification, logged loudly on every connect.
    public var insecureSkipVerify: Bool
    /// The ComputerSystem (Id, Name, UUID or path segment) when the BMC has several.
    public var systemId: String?
    /// The server also has IPMI configured in this installation (its SOL is the serial console fallback).
    public var ipmi: Bool

    public init(
        name: String, url: String, username: String, password: String, certificateFile: String? = nil, insecureSkipVerify: Bool = false,
        systemId: String? = nil, ipmi: Bool = false
    ) {
        self.name = name
        self.url = url
        self.username = username
        self.password = password
        self.certificateFile = certificateFile
        self.insecureSkipVerify = insecureSkipVerify
        self.systemId = systemId
        self.ipmi = ipmi
    }

    enum CodingKeys: String, CodingKey {
        case name, url, username, password, certificateFile, insecureSkipVerify, systemId, ipmi
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        url = try container.decode(String.self, forKey: .url)
        username = try container.decode(String.self, forKey: .username)
        password = try container.decode(String.self, forKey: .password)
        certificateFile = try container.decodeIfPresent(String.self, forKey: .certificateFile)
        insecureSkipVerify = try container.decodeIfPresent(Bool.self, forKey: .insecureSkipVerify) ?? false
        systemId = try container.decodeIfPresent(String.self, forKey: .systemId)
        ipmi = try container.decodeIfPresent(Bool.self, forKey: .ipmi) ?? false
    }

    public var description: String {
        "\(name) (\(url), user \(username), password <redacted>\(insecureSkipVerify ? ", insecureSkipVerify" : ""))"
    }

    public var debugDescription: String { description }
}
