import Kernel
import Synchronization
@testable import IPMISOL

/// Collects every `console.takeover` announcement on its node (tests read ``events``).
actor TakeoverRecorder: Plugin {
    static let id: PluginID = "takeover-recorder"
    static let events = Mutex<[IPMIConsole.Takeover]>([])

    init(config: NoConfig, context: PluginContext) {}

    nonisolated func routes(_ routes: inout Routes) {
        routes.handle(IPMIConsole.Takeover.self) { event, _ in
            Self.events.withLock { $0.append(event) }
        }
    }

    static func reset() { events.withLock { $0 = [] } }
    static var recorded: [IPMIConsole.Takeover] { events.withLock { $0 } }
}
