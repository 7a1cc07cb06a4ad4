import Foundation

/// The third-party browser files, from Debian packages at install time (never committed):
/// the xterm.js bundle is read into memory, noVNC is served from its folder.
struct WebAssets: Sendable {
    let xtermScript: [UInt8]
    let xtermStyle: [UInt8]
    let noVNCFolder: String

    /// Checks and loads the assets at start-up.
    /// - Throws: ``WebUIError`` naming the missing file and how to get it.
    static func load(xtermPath: URL, noVNCPath: URL) throws -> WebAssets {
        func read(_ url: URL, _ remedy: String) throws -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: url.path), !data.isEmpty else {
                throw WebUIError(message: "\(url.path) is missing or empty: \(remedy)")
            }
            return Array(data)
        }
        let xtermRemedy = "run Scripts/setup (it bundles Debian's node-xterm with esbuild into /var/cache/tether-lab/xterm) or set xtermPath"
        let script = try read(xtermPath.appendingPathComponent("xterm.bundle.js"), xtermRemedy)
        let style = try read(xtermPath.appendingPathComponent("xterm.css"), xtermRemedy)
        let rfb = noVNCPath.appendingPathComponent("core/rfb.js")
        guard FileManager.default.isReadableFile(atPath: rfb.path) else {
            throw WebUIError(message: "\(rfb.path) is missing: apt-get install novnc (or set noVNCPath to a noVNC 1.3 folder)")
        }
        return WebAssets(xtermScript: script, xtermStyle: style, noVNCFolder: noVNCPath.path)
    }
}
