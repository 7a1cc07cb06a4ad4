import Foundation

/// Where a server's VNC password comes from. Never printed: `description` is redacted.
public enum VNCPasswordSource: Sendable, CustomStringConvertible {
    /// The BMC needs no password.
    case none
    /// The value of `password` (the manifest resolved its `${ENV}` or `file:` reference).
    case value(String)
    /// `passwordFile`, read at every attach so a rotated password takes effect at once.
    case file(URL)

    /// The password; one trailing newline of a file is dropped.
    /// - Throws: `GraphicalConsoleError` (`bmc-password-unreadable`) naming the file.
    func resolve(server: String) throws(GraphicalConsoleError) -> String? {
        switch self {
        case .none:
            return nil
        case .value(let password):
            return password
        case .file(let url):
            guard let data = FileManager.default.contents(atPath: url.path), var text = String(data: data, encoding: .utf8) else {
                throw .passwordUnreadable(server, path: url.path)
            }
            if text.hasSuffix("\r\n") { text.removeLast(2) } else if text.hasSuffix("\n") { text.removeLast() }
            return text
        }
    }

    public var description: String {
        switch self {
        case .none: "none"
        case .value: "<redacted>"
        case .file(let url): "file \(url.path)"
        }
    }
}
