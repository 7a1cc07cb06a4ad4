import Foundation
import KernelTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A real `oidc-provider-mock` process on a free loopback port, with alice (group
/// bmc-admins) and bob (group bmc-viewers), as `Scripts/testbed/start-oidc.sh` starts it.
/// Headless login: POST the authorize URL with the form field `sub=alice` (``HeadlessBrowser``).
public final class OIDCProviderProcess: Sendable {
    /// The issuer URL (`http://127.0.0.1:PORT`).
    public let issuer: String
    private let pid: pid_t

    static var executable: String? {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["TETHER_VENV"], environment["TB_VENV"], "/opt/tether-venv"]
            .compactMap { $0 }.map { $0 + "/bin/oidc-provider-mock" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts the provider, or cancels (skips) the test with the reason when it is not installed.
    public static func start() async throws -> OIDCProviderProcess {
        guard let executable else {
            try Test.cancel("oidc-provider-mock is not installed (TETHER_VENV, default /opt/tether-venv): run Scripts/setup")
        }
        let port = FreePort.find()
        let pid = try ChildProcess.spawn(executable, [
            "-H", "127.0.0.1", "-p", "\(port)",
            "--user-claims", #"{"sub":"alice","email":"alice@example.test","name":"Alice Admin","groups":["bmc-admins"]}"#,
            "--user-claims", #"{"sub":"bob","email":"bob@example.test","name":"Bob Viewer","groups":["bmc-viewers"]}"#,
        ])
        let provider = OIDCProviderProcess(issuer: "http://127.0.0.1:\(port)", pid: pid)
        do {
            try await provider.waitUntilListening(port: port)
        } catch {
            provider.stop()
            throw error
        }
        return provider
    }

    private init(issuer: String, pid: pid_t) {
        self.issuer = issuer
        self.pid = pid
    }

    /// SIGKILL: uvicorn's graceful stop would wait for idle keep-alive connections.
    public func stop() {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }

    private var hasExited: Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == pid
    }

    /// Polls the port (bounded: 30 s); the process gives no other readiness signal.
    private func waitUntilListening(port: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            guard !hasExited else { throw LabFailure("oidc-provider-mock exited at start") }
            if FreePort.accepts(port) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw LabFailure("oidc-provider-mock did not listen on \(port) within 30 s")
    }
}
