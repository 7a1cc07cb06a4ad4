import NIOCore
import NIOPosix

/// Waits for TCP listeners that tests start as separate processes.
public enum TCPPort {
    /// Returns once 127.0.0.1:`port` accepts a connection; throws after `timeout`.
    /// Polls (every 50 ms): a separate process gives no readiness signal of its own.
    public static func waitUntilListening(_ port: Int, timeout: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            do {
                let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connectTimeout(.milliseconds(500))
                    .connect(host: "127.0.0.1", port: port).get()
                try? await channel.close()
                return
            } catch {
                guard ContinuousClock.now < deadline else {
                    throw ExternalProcess.Failure(description: "nothing listens on 127.0.0.1:\(port) after \(timeout): \(error)")
                }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }
}
