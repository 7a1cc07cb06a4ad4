import Foundation

/// sushy-tools' `sushy-static` serving a hand-made mockup tree (GET only; POST and PATCH
/// answer 204) over HTTPS, started and stopped by PID.
///
/// sushy-static ends each HTTP/1.0 body by closing the socket without a TLS close_notify,
/// which a careful client must treat as possible truncation (AsyncHTTPClient does). The
/// launcher adds only a clean TLS shutdown per connection; the handler is sushy-static's own.
final class SushyStatic: Sendable {
    let port: Int
    let folder: URL
    let certificate: TestCertificate
    let process: PeerProcess

    var url: String { "https://127.0.0.1:\(port)" }

    /// - Parameter tree: resource path (`/redfish/v1/Systems`) to JSON text; `{PORT}` is replaced by the port.
    init(tree: [String: String]) throws {
        let folder = try TestFolder.make("mockup")
        let certificate = try TestCertificate.make(in: folder)
        let port = try TestPorts.allocate()
        let root = folder.appendingPathComponent("mockup")
        for (path, json) in tree {
            let relative = path.hasPrefix("/redfish/v1") ? String(path.dropFirst("/redfish/v1".count)) : path
            let directory = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let text = json.replacingOccurrences(of: "{PORT}", with: "\(port)")
            try text.write(to: directory.appendingPathComponent("index.json"), atomically: true, encoding: .utf8)
        }
        let python = Tool.venv + "/bin/python"
        guard FileManager.default.isExecutableFile(atPath: Tool.venv + "/bin/sushy-static") else {
            throw PeerError("no sushy-static in \(Tool.venv): run Scripts/setup")
        }
        let launcher = """
            import signal, sys
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
            from sushy_tools.static import main as static
            def shutdown_request(self, request):
                try:
                    request.settimeout(5)
                    request.unwrap()
                except (OSError, ValueError):
                    pass
                request.close()
            static.http_server.HTTPServer.shutdown_request = shutdown_request
            sys.argv[0] = "sushy-static"
            sys.exit(static.main())
            """
        process = try PeerProcess(
            name: "sushy-static", executable: python,
            arguments: ["-c", launcher, "-i", "127.0.0.1", "-p", "\(port)", "-m", root.path, "-c", certificate.certificate.path, "-k", certificate.key.path],
            port: port, folder: folder)
        self.port = port
        self.folder = folder
        self.certificate = certificate
    }

    /// Stops the peer by its PID and removes its folder (certificate, key, config, log).
    func stop() {
        process.stop()
        try? FileManager.default.removeItem(at: folder)
    }
}
