import Foundation

/// Where a BMC's Redfish service is: `https://host[:port]`, with no path, credentials or query.
public struct BMCAddress: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int

    /// Parses a configured `url`.
    /// - Throws: a one-line reason when it is not a bare `https://host[:port]` URL.
    public init(parsing text: String) throws(BMCAddressError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw BMCAddressError(reason: "not a URL: \(text)")
        }
        guard scheme == "https" else { throw BMCAddressError(reason: "\(scheme):// is not allowed; Redfish credentials only travel over https://") }
        guard components.user == nil, components.password == nil else {
            throw BMCAddressError(reason: "credentials in the URL are not allowed; use username and password")
        }
        guard let host = components.host, !host.isEmpty else { throw BMCAddressError(reason: "no host in \(text)") }
        guard components.path.isEmpty || components.path == "/" || components.path == "/redfish/v1" || components.path == "/redfish/v1/" else {
            throw BMCAddressError(reason: "give the BMC's base URL (https://host[:port]), not the path \(components.path)")
        }
        guard components.query == nil, components.fragment == nil else { throw BMCAddressError(reason: "no query or fragment allowed in \(text)") }
        let port = components.port ?? 443
        guard (1...65535).contains(port) else { throw BMCAddressError(reason: "port \(port) is out of range") }
        self.host = host
        self.port = port
    }

    /// `host` as it goes in a URL (IPv6 literals in brackets).
    var urlHost: String { host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host }

    /// `https://host:port` followed by `path` (a path on the BMC, or an absolute URL on this same BMC).
    public func url(_ path: String) -> String {
        "https://\(urlHost):\(port)\(path.hasPrefix("/") ? path : "/" + path)"
    }

    /// `wss://host:port` followed by `path`.
    public func webSocketURL(_ path: String) -> String {
        "wss://\(urlHost):\(port)\(path.hasPrefix("/") ? path : "/" + path)"
    }

    /// The path part of a `Location` or `ConsoleURI`: relative paths are kept; absolute URLs
    /// are accepted only when they point at this BMC, so a token is never sent elsewhere.
    public func samePath(_ reference: String) -> String? {
        if reference.hasPrefix("/") { return reference }
        guard let components = URLComponents(string: reference), let host = components.host else { return nil }
        let port = components.port ?? (components.scheme?.lowercased() == "http" || components.scheme?.lowercased() == "ws" ? 80 : 443)
        guard host.lowercased() == self.host.lowercased(), port == self.port else { return nil }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        return components.percentEncodedQuery.map { "\(path)?\($0)" } ?? path
    }

    public var description: String { "https://\(urlHost):\(port)" }
}
