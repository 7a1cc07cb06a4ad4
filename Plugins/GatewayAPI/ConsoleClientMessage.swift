import NIOCore

/// A control message a console client sends as a WebSocket text frame.
enum ConsoleClientMessage: Equatable {
    /// A fresh token: re-verified, it extends the session's lease.
    case refresh(token: String)
    /// The terminal's size; accepted and ignored until consoles can be resized.
    case resize
    /// A serial break (the CLI's `~B`); refused as unsupported until the console contract has it.
    case sendBreak

    static let example = "{\"type\": \"refresh\", \"token\": \"...\"}"

    /// - Throws: ``GatewayError`` 400 naming what is wrong.
    static func parse(_ text: String) throws -> ConsoleClientMessage {
        let object = try JSONObjectReader(parsing: ByteBuffer(string: text), example: example)
        let type = try object.requiredString("type")
        switch type {
        case "refresh":
            try object.refuseUnknown(["type", "token"])
            return .refresh(token: try object.requiredString("token"))
        case "resize":
            return .resize
        case "break":
            return .sendBreak
        default:
            throw GatewayError.badRequest("unknown control message type \"\(type.prefix(64))\"; known: refresh, resize, break")
        }
    }
}
