/// A `host:port` setting (`127.0.0.1:8443`, `[::1]:8443`, `gateway.example:7443`), checked
/// when the manifest is loaded. Written in YAML as one string.
public struct HostPort: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port`; IPv6 hosts go in brackets.
    /// - Throws: a one-line reason.
    public init(parsing text: String) throws(HostPortError) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                throw HostPortError(text: text, reason: "an IPv6 address goes in brackets: [::1]:8443")
            }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else { throw HostPortError(text: text, reason: "expected host:port") }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            guard !host.contains(":") else { throw HostPortError(text: text, reason: "an IPv6 address goes in brackets: [::1]:8443") }
        }
        guard !host.isEmpty else { throw HostPortError(text: text, reason: "the host is missing") }
        guard let port = Int(portText), (0...65_535).contains(port) else {
            throw HostPortError(text: text, reason: "\"\(portText)\" is not a valid port (0-65535)")
        }
        self.init(host: String(host), port: port)
    }

    public init(stringLiteral value: String) {
        do { try self.init(parsing: value) } catch { preconditionFailure("invalid host:port literal \(value): \(error.reason)") }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.reason))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// Why a `host:port` setting was refused.
public struct HostPortError: Error, Sendable {
    public let text: String
    public let reason: String
}
