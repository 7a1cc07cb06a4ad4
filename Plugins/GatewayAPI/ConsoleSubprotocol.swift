import Hummingbird

/// The `Sec-WebSocket-Protocol` the gateway answers with. A browser fails the connection
/// unless the answer is one it offered, so a page offers `tether.console.v1` beside
/// `bearer.<token>`; the token itself is echoed only when nothing else was offered.
enum ConsoleSubprotocol {
    static let name = "tether.console.v1"

    static func select(from headers: HTTPFields) -> String? {
        let offered = Credential.subprotocols(in: headers)
        if offered.contains(name) { return name }
        return offered.first { $0.hasPrefix(Credential.subprotocolPrefix) }
    }
}
