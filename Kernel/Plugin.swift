import ServiceLifecycle

/// One named capability that a role lists in its manifest.
///
/// Lifecycle, all of it:
/// 1. The kernel builds `Config` from the entry's `with:` block. Defaults come from
///    `Config()`; keys it does not know are refused.
/// 2. `init(config:context:)` provisions and validates. No sockets, no tasks: throwing here
///    refuses the whole role before anything has started (`tether check` builds every plugin).
/// 3. ``routes(_:)`` declares the topics this instance serves.
/// 4. ``run()`` does the long-running work. Returning or throwing ends this instance; the
///    supervisor decides whether to build a fresh one.
/// 5. On shutdown `run()` first sees graceful shutdown (reverse manifest order), then
///    cancellation. Clean up by leaving `run()`.
public protocol Plugin: Sendable {
    /// The plugin's settings; every property has a default.
    associatedtype Config: PluginConfig = NoConfig
    /// The stable kebab-case ID used in manifests.
    static var id: PluginID { get }
    /// One line for `tether plugins`.
    static var summary: String { get }
    /// Provisions and validates, without I/O.
    init(config: Config, context: PluginContext) async throws
    /// Declares what this instance serves.
    func routes(_ routes: inout Routes)
    /// The long-running work; returns on graceful shutdown.
    func run() async throws
}

extension Plugin {
    public static var summary: String { "" }
    public func routes(_ routes: inout Routes) {}
    /// Handler-only plugins just wait for shutdown.
    public func run() async throws { try await gracefulShutdown() }
}

/// A plugin's settings. Every stored property has a default, so `Config()` is the
/// configuration of an entry without `with:`.
public protocol PluginConfig: Codable, Sendable {
    init()
}

/// The configuration of a plugin that has no settings.
public struct NoConfig: PluginConfig {
    public init() {}
}
