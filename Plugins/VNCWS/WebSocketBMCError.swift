/// A WebSocket peer that does not carry RFB as binary messages.
struct WebSocketBMCError: Error, Sendable, CustomStringConvertible {
    let description: String

    static let textFrame = WebSocketBMCError(
        description: "the BMC sent a text WebSocket message; RFB over WebSocket needs binary messages (subprotocol binary)"
    )
}
