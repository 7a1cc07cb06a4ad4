import Foundation

/// Debian's websockify (/usr/bin/websockify) in front of a VNC server, on 127.0.0.1.
public struct Websockify: Sendable {
    public let port: Int
    let process: BackgroundProcess

    public static var isAvailable: Bool { ExternalProcess.which("websockify") != nil }

    /// Starts websockify on `port` forwarding to 127.0.0.1:`targetPort`; returns once it listens.
    public static func start(port: Int, targetPort: Int, directory: URL) async throws -> Websockify {
        guard let executable = ExternalProcess.which("websockify") else {
            throw ExternalProcess.Failure(description: "websockify not found: apt-get install websockify")
        }
        let process = try BackgroundProcess(executable, ["127.0.0.1:\(port)", "127.0.0.1:\(targetPort)"], directory: directory)
        do {
            try await TCPPort.waitUntilListening(port)
        } catch {
            await process.stop()
            throw ExternalProcess.Failure(description: "\(error); websockify said: \(process.output.suffix(500))")
        }
        return Websockify(port: port, process: process)
    }

    public func stop() async {
        await process.stop()
    }
}
