import Foundation
import Kernel
import ServiceLifecycle

/// Answers `Echo.Say`, records notes, and serves a byte stream.
actor EchoPlugin: Plugin {
    static let id: PluginID = "echo"

    struct Config: PluginConfig {
        var prefix = ""
        var log = ""
        init() {}
    }

    let config: Config
    let name: String

    init(config: Config, context: PluginContext) {
        self.config = config
        self.name = context.instance.rawValue
    }

    nonisolated func routes(_ routes: inout Routes) {
        routes.answer(Echo.Say.self) { request, caller in await self.say(request, caller) }
        routes.handle(Echo.Note.self) { note, _ in EventLog.shared.record(self.config.log, "note:\(note.text)") }
        routes.accept(Echo.Stream.self) { request, duplex, _ in
            // echo every buffer back until the caller finishes
            for try await buffer in duplex.inbound { try await duplex.outbound.write(buffer) }
        }
    }

    func say(_ request: Echo.Say, _ caller: Caller) -> Echo.Say.Reply {
        Echo.Say.Reply(text: config.prefix + request.text, by: "\(name) for \(caller.from)")
    }
}

/// Answers `Echo.SayWrongly` with a reply whose type the asker of `Echo.Say` does not expect.
struct WrongReplyPlugin: Plugin {
    static let id: PluginID = "wrong-reply"
    init(config: NoConfig, context: PluginContext) {}
    func routes(_ routes: inout Routes) {
        routes.answer(Echo.SayWrongly.self) { request, _ in Echo.SayWrongly.Reply(count: request.number) }
    }
}

/// Never answers `Echo.Hang` on its own; records whether its handler saw cancellation.
struct HangPlugin: Plugin {
    static let id: PluginID = "hang"
    init(config: NoConfig, context: PluginContext) {}
    func routes(_ routes: inout Routes) {
        routes.answer(Echo.Hang.self) { request, _ in
            EventLog.shared.record(request.key, "started")
            do {
                try await Task.sleep(for: .seconds(3600))
            } catch {
                EventLog.shared.record(request.key, "cancelled")
                throw error
            }
            return Echo.Hang.Reply()
        }
    }
}

/// Records start and stop in the event log under `log`.
struct RecorderPlugin: Plugin {
    static let id: PluginID = "recorder"
    struct Config: PluginConfig {
        var log = ""
        init() {}
    }
    let config: Config
    let name: String
    init(config: Config, context: PluginContext) {
        self.config = config
        self.name = context.instance.rawValue
    }
    func run() async throws {
        EventLog.shared.record(config.log, "start:\(name)")
        try? await gracefulShutdown()
        EventLog.shared.record(config.log, "stop:\(name)")
    }
}

/// Fails `failures` times (counted in the event log), then runs normally.
struct CrashingPlugin: Plugin {
    static let id: PluginID = "crashing"
    struct Config: PluginConfig {
        var log = ""
        var failures = 1_000
        init() {}
    }
    struct Boom: Error {}
    let config: Config
    init(config: Config, context: PluginContext) { self.config = config }
    func run() async throws {
        let previous = EventLog.shared.events(config.log).filter { $0.hasPrefix("run") }.count
        EventLog.shared.record(config.log, "run \(Date().timeIntervalSince1970)")
        if previous < config.failures { throw Boom() }
        try await gracefulShutdown()
    }
}

/// A plugin with nested and list settings, to check strict decoding at depth.
struct NestedConfigPlugin: Plugin {
    static let id: PluginID = "nested"
    struct Server: Codable, Sendable {
        var name: String
        var port: Int
    }
    struct Limits: Codable, Sendable {
        var maxViewers = 4
        var idleTimeoutSeconds = 300
    }
    struct Config: PluginConfig {
        var password = ""
        var limits = Limits()
        var servers: [Server] = []
        var label: String?
        init() {}
    }
    /// What each instance received, by `label`, for the manifest tests.
    static let received = Mutex<[String: Config]>([:])
    init(config: Config, context: PluginContext) throws {
        guard config.limits.maxViewers > 0 else { throw RefusedSetting() }
        if let label = config.label { Self.received.withLock { $0[label] = config } }
    }
    struct RefusedSetting: Error, CustomStringConvertible {
        var description: String { "limits.maxViewers must be at least 1" }
    }
}

import Synchronization
