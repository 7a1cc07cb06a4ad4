import Foundation
import HTTPTypes
import Logging
import NIOCore
import WSClient

/// One terminal console session: raw mode, keyboard to the gateway's WebSocket (through the
/// escape parser), console bytes to the screen, control messages as status lines.
struct SerialConsoleSession {
    let url: String
    let token: String
    let server: String
    /// Renews the lease before the token expires (nil: the session ends with the token).
    var renewer: LeaseRenewer? = nil

    struct Control: Codable {
        var type: String
        var state: String?
        var reason: String?
        var expiresAt: Int64?
    }

    /// Runs until `~.`, the end of input, or the gateway closing; returns why it ended.
    func run() async throws -> String {
        let raw = TerminalRawMode()
        defer { raw.restore() }
        FileHandleOutput.standardError("tether: connecting to \(server) (~. to quit, ~? for help)\r")
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        let ended = EndReason()
        let (leases, leaseAnnouncements) = AsyncStream<Int64>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let renewer = renewer
        let close: WebSocketCloseFrame?
        do {
            close = try await WebSocketClient.connect(
                url: url, configuration: .init(maxFrameSize: 1 << 20, additionalHeaders: headers), tlsConfiguration: try CLITrust.tlsConfiguration(),
                logger: Logger(label: "tether.console")
            ) { inbound, outbound, _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await message in inbound.messages(maxSize: 1 << 20) {
                            switch message {
                            case .binary(let buffer):
                                FileHandleOutput.standardOutput(buffer.readableBytesView)
                            case .text(let text):
                                guard let control = try? JSONDecoder().decode(Control.self, from: Data(text.utf8)) else { continue }
                                if let state = control.state {
                                    FileHandleOutput.standardError("\r\n[tether: \(state)\(control.reason.map { ": \($0)" } ?? "")]\r")
                                }
                                if control.type == "lease", let expiresAt = control.expiresAt { leaseAnnouncements.yield(expiresAt) }
                            }
                        }
                        ended.set("the gateway closed the session")
                    }
                    if let renewer {
                        group.addTask {
                            await renewer.run(leases, send: { try await outbound.write(.text($0)) }) {
                                FileHandleOutput.standardError("\r\n[tether: \($0)]\r")
                            }
                            try await Task.sleep(for: .seconds(365 * 86_400))  // a finished renewer must not end the session
                        }
                    }
                    group.addTask {
                        var parser = EscapeSequenceParser()
                        for await chunk in StandardInputReader.bytes() {
                            for action in parser.feed(chunk) {
                                switch action {
                                case .send(let bytes):
                                    try await outbound.write(.binary(ByteBuffer(bytes: bytes)))
                                case .quit:
                                    ended.set("~. typed")
                                    return
                                case .help:
                                    FileHandleOutput.standardOutput(Array(EscapeSequenceParser.help.utf8))
                                case .sendBreak:
                                    try await outbound.write(.text(#"{"type":"break"}"#))
                                }
                            }
                        }
                        ended.set("end of input")
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
        } catch {
            throw CLIError.unreachable("console of \(server) failed: \(error)")
        }
        if let close, let reason = close.reason, !reason.isEmpty { ended.set(reason) }
        return ended.value ?? "closed"
    }
}
