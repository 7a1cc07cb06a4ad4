/// A manifest problem, always one line: where (`plugins[2] (session).with.idleTimout`) and
/// what (`unknown key; allowed: idleTimeoutSeconds, maxViewers`).
public struct ManifestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where in the manifest, as a path.
    public let path: String
    /// What is wrong and, where it helps, what is allowed.
    public let problem: String

    public init(_ path: String, _ problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { path.isEmpty ? problem : "\(path): \(problem)" }
}
