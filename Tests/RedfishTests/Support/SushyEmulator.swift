import Foundation

/// sushy-tools' `sushy-emulator` with its fake driver, over HTTPS with a certificate made
/// now: this test's own copy of Scripts/testbed/start-sushy.sh (bcrypt htpasswd with the
/// cheapest cost, since sushy checks it on every request; fake
/// systems, power changes applied at once), started and stopped by PID.
final class SushyEmulator: Sendable {
    static let node1 = "27946b59-9e44-4fa7-8e91-f3527a1ef094"
    static let node2 = "38947555-7742-4e2c-a1e1-9e4a0a1a0002"

    let port: Int
    let folder: URL
    let certificate: TestCertificate
    let username: String
    let password: String
    let process: PeerProcess

    var url: String { "https://127.0.0.1:\(port)" }

    init(username: String = "admin", password: String) throws {
        let folder = try TestFolder.make("sushy")
        let certificate = try TestCertificate.make(in: folder)
        let python = Tool.venv + "/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw PeerError("no Python venv with sushy-tools at \(Tool.venv): run Scripts/setup")
        }
        let htpasswd = folder.appendingPathComponent("htpasswd")
        let hashStatus = try Tool.run(python, [
            "-c",
            "import bcrypt, sys; open(sys.argv[2], 'w').write(sys.argv[1] + ':' + bcrypt.hashpw(sys.stdin.buffer.read(), bcrypt.gensalt(rounds=4)).decode() + '\\n')",
            username, htpasswd.path,
        ], input: password)
        guard hashStatus == 0 else { throw PeerError("could not write the bcrypt htpasswd (exit \(hashStatus))") }
        let port = try TestPorts.allocate()
        let state = folder.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let config = """
            SUSHY_EMULATOR_LISTEN_IP = '127.0.0.1'
            SUSHY_EMULATOR_LISTEN_PORT = \(port)
            SUSHY_EMULATOR_FAKE_DRIVER = True
            SUSHY_EMULATOR_STATE_DIR = '\(state.path)'
            SUSHY_EMULATOR_AUTH_FILE = '\(htpasswd.path)'
            SUSHY_EMULATOR_FAKE_SYSTEMS = [
                {'uuid': '\(Self.node1)', 'name': 'node-1', 'power_state': 'Off', 'external_notifier': False,
                 'nics': [{'mac': '00:5c:52:31:00:00', 'ip': '127.0.1.1'}]},
                {'uuid': '\(Self.node2)', 'name': 'node-2', 'power_state': 'Off', 'external_notifier': False,
                 'nics': [{'mac': '00:5c:52:31:00:01', 'ip': '127.0.1.2'}]},
            ]

            """
        let configFile = folder.appendingPathComponent("sushy.conf")
        try config.write(to: configFile, atomically: true, encoding: .utf8)
        // The fake driver applies power changes after random.randint(1, 11) s; make that 0.
        let launcher = """
            import signal, sys
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
            import sushy_tools.emulator.resources.systems.fakedriver as fd
            fd.random = type("NoDelay", (), {"randint": staticmethod(lambda a, b: 0)})
            from sushy_tools.emulator.main import main
            sys.exit(main())
            """
        process = try PeerProcess(
            name: "sushy-emulator", executable: python,
            arguments: ["-c", launcher, "--config", configFile.path, "--ssl-certificate", certificate.certificate.path, "--ssl-key", certificate.key.path],
            port: port, folder: folder)
        self.port = port
        self.folder = folder
        self.certificate = certificate
        self.username = username
        self.password = password
    }

    /// Stops the peer by its PID and removes its folder (certificate, key, config, log).
    func stop() {
        process.stop()
        try? FileManager.default.removeItem(at: folder)
    }
}
