import Hummingbird

/// The `Sec-WebSocket-Protocol` a graphical console answers with: `binary`, which noVNC and
/// websockify clients offer, else the offered `bearer.<token>` (a browser fails the
/// connection unless the answer is one it offered), else none.
enum GraphicalConsoleSubprotocol {
    static let name = "binary"

    static func select(from headers: HTTPFields) -> String? {
        let offered = Credential.subprotocols(in: headers)
        if offered.contains(name) { return name }
        return offered.first { $0.hasPrefix(Credential.subprotocolPrefix) }
    }
}
