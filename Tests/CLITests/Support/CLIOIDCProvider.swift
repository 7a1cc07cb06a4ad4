import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A real `oidc-provider-mock` on a free loopback port with alice (group bmc-admins), as the
/// API tests start it. Headless login: POST the authorize URL with `sub=alice`.
final class CLIOIDCProvider: Sendable {
    let issuer: String
    private let pid: pid_t

    static var executable: String? {
        let environment = ProcessInfo.processInfo.environment
        return [environment["TETHER_VENV"], environment["TB_VENV"], "/opt/tether-venv"].compactMap { $0 }.map { $0 + "/bin/oidc-provider-mock" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts the provider, or cancels (skips) the test when it is not installed.
    static func start() async throws -> CLIOIDCProvider {
        guard let executable else { try Test.cancel("oidc-provider-mock is not installed (TETHER_VENV, default /opt/tether-venv): run Scripts/setup") }
        let port = LoopbackPorts.freeTCP()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let arguments = [
            executable, "-H", "127.0.0.1", "-p", "\(port)",
            "--user-claims", #"{"sub":"alice","email":"alice@example.test","name":"Alice Admin","groups":["bmc-admins"]}"#,
        ]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { throw CLITestError("cannot start \(executable)") }
        let provider = CLIOIDCProvider(issuer: "http://127.0.0.1:\(port)", pid: pid)
        // The process gives no readiness signal: poll its port (bounded: 30 s).
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if LoopbackPorts.accepts(port: port) { return provider }
            try await Task.sleep(for: .milliseconds(100))
        }
        provider.stop()
        throw CLITestError("oidc-provider-mock did not listen on \(port) within 30 s")
    }

    private init(issuer: String, pid: pid_t) {
        self.issuer = issuer
        self.pid = pid
    }

    func stop() {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }
}
