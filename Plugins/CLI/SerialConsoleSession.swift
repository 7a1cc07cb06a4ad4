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

    static let gatewayClosed = "the gateway closed the session"

    /// Runs until `~.`, the end of input, or the gateway closing; returns why it ended, or
    /// that it was lost after going live (no close frame, or the agent went offline).
    func run() async throws -> ConsoleOutcome {
        let raw = TerminalRawMode()
        defer { raw.restore() }
        FileHandleOutput.standardError("tether: connecting to \(server) (~. to quit, ~? for help)\r")
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        let ended = EndReason()
        let live = LiveFlag()
        let agentOffline = LiveFlag()
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
                                    if state == "live" { live.set() }
                                    if state == "agent-offline" { agentOffline.set() }
                                    FileHandleOutput.standardError("\r\n[tether: \(state)\(control.reason.map { ": \($0)" } ?? "")]\r")
                                }
                                if control.type == "lease", let expiresAt = control.expiresAt { leaseAnnouncements.yield(expiresAt) }
                            }
                        }
                        ended.set(Self.gatewayClosed)
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
                        while case .bytes(let chunk) = await KeyboardInput.shared.next() {
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
                        if !Task.isCancelled { ended.set("end of input") }
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
        } catch {
            if live.isSet, ended.value == nil { return .lost("the gateway's connection failed: \(error)") }
            throw CLIError.unreachable("console of \(server) failed: \(error)")
        }
        if live.isSet, ended.value == nil || ended.value == Self.gatewayClosed, close == nil {
            return .lost("the gateway's connection dropped")
        }
        if live.isSet, agentOffline.isSet { return .lost(close?.reason ?? "the agent went offline") }
        if let close, let reason = close.reason, !reason.isEmpty { ended.set(reason) }
        return .ended(ended.value ?? "closed")
    }
}
