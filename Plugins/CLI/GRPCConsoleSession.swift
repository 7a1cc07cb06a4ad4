import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import TetherAPIProto

/// One terminal console session over the gateway's gRPC `SerialConsole` stream: the same
/// screen, keys and endings as ``SerialConsoleSession`` (its WebSocket twin), with the lease
/// renewed over the stream itself (`renew {token}`).
struct GRPCConsoleSession {
    let target: GRPCTarget
    let token: String
    let server: String
    /// Renews the lease before the token expires (nil: the session ends with the token).
    var renewer: LeaseRenewer? = nil

    /// Runs until `~.`, the end of input, or the gateway ending the stream; returns why it
    /// ended, or that it was lost after going live (the call failed, or the agent went offline).
    func run() async throws -> ConsoleOutcome {
        let raw = TerminalRawMode()
        defer { raw.restore() }
        FileHandleOutput.standardError("tether: connecting to \(server) (~. to quit, ~? for help)\r")
        let server = server
        let token = token
        let ended = EndReason()
        let live = LiveFlag()
        let agentOffline = LiveFlag()
        let (leases, leaseAnnouncements) = AsyncStream<Int64>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let (inputs, input) = AsyncStream<Tether_V1_ConsoleInput>.makeStream()
        // The keyboard is read once the console is open (`hello`), as on the WebSocket: a
        // refused stream must end with its refusal, not with the end of an empty input.
        let (hellos, hello) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        input.yield(.with { $0.kind = .open(.with { $0.server = server }) })
        let renewer = renewer
        do {
            let transport = try HTTP2ClientTransport.Posix(target: resolvable(), transportSecurity: try CLITrust.grpcSecurity(tls: target.tls))
            try await withGRPCClient(transport: transport) { client in
                let gateway = Tether_V1_Gateway.Client(wrapping: client)
                // A refused connection is an answer (exit 5), not a reason to wait.
                let options = Self.callOptions
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        defer { hello.finish() }
                        try await gateway.serialConsole(metadata: ["authorization": "Bearer \(token)"], options: options) { writer in
                            for await message in inputs { try await writer.write(message) }
                        } onResponse: { response in
                            for try await message in response.messages {
                                if case .hello = message.kind {
                                    live.set()
                                    hello.yield()
                                }
                                if case .end(let end) = message.kind, end.reason == .agentOffline { agentOffline.set() }
                                Self.show(message, leases: leaseAnnouncements, ended: ended)
                            }
                            ended.set("the gateway closed the session")
                        }
                    }
                    if let renewer {
                        group.addTask {
                            await renewer.run(leases, sendToken: { token in input.yield(.with { $0.kind = .renew(.with { $0.token = token }) }) }) {
                                FileHandleOutput.standardError("\r\n[tether: \($0)]\r")
                            }
                            try await Task.sleep(for: .seconds(365 * 86_400))  // a finished renewer must not end the session
                        }
                    }
                    group.addTask {
                        guard await hellos.first(where: { true }) != nil else {
                            return try await Task.sleep(for: .seconds(365 * 86_400))  // the call's own end says why
                        }
                        var parser = EscapeSequenceParser()
                        while case .bytes(let chunk) = await KeyboardInput.shared.next() {
                            for action in parser.feed(chunk) {
                                switch action {
                                case .send(let bytes): input.yield(.with { $0.kind = .data(Data(bytes)) })
                                case .quit:
                                    ended.set("~. typed")
                                    input.finish()
                                    return
                                case .help: FileHandleOutput.standardOutput(Array(EscapeSequenceParser.help.utf8))
                                case .sendBreak: input.yield(.with { $0.kind = .break(.init()) })
                                }
                            }
                        }
                        if !Task.isCancelled { ended.set("end of input") }
                        input.finish()
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
        } catch let error as CLIError {
            throw error
        } catch where live.isSet && ended.value == nil {
            return .lost("the gateway's connection failed: \(error)")
        } catch let error as RPCError where ended.value == nil {
            throw GRPCConsoleEnding.error(error, server: server, target: target)
        } catch where ended.value == nil {
            throw CLIError.unreachable("console of \(server) failed: \(error)")
        } catch {
            // ended already (~., end of input): what the cancelled call threw does not matter
        }
        if live.isSet, agentOffline.isSet { return .lost("the agent went offline") }
        return .ended(ended.value ?? "closed")
    }

    /// One message from the gateway on the screen (console bytes, status lines) or to the renewer.
    private static func show(_ message: Tether_V1_ConsoleOutput, leases: AsyncStream<Int64>.Continuation, ended: EndReason) {
        switch message.kind {
        case .data(let bytes):
            FileHandleOutput.standardOutput(bytes)
        case .hello:
            FileHandleOutput.standardError("\r\n[tether: live]\r")
        case .lease(let lease):
            leases.yield(lease.expiresAt)
        case .end(let end):
            if let line = GRPCConsoleEnding.statusLine(end) { FileHandleOutput.standardError("\r\n[tether: \(line)]\r") }
            ended.set("the gateway closed the session")
        case .error, nil:
            break  // a refused control message: the session goes on (the WebSocket console shows none either)
        }
    }

    private static let callOptions: CallOptions = {
        var options = CallOptions.defaults
        options.waitForReady = false
        return options
    }()

    private func resolvable() -> any ResolvableTarget {
        if target.isIPv6 { return .ipv6(address: target.host, port: target.port) }
        if target.isIPv4 { return .ipv4(address: target.host, port: target.port) }
        return .dns(host: target.host, port: target.port)
    }
}
