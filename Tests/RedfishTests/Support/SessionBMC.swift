import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small Redfish service with a SessionService (no emulator on PyPI has one), in Python's
/// standard library: HTTPS on one port, and a plain HTTP control port on which the test
/// reads the session table and expires sessions. One session of another user ("1") exists
/// from the start; any valid token may delete any session, as on real BMCs for admins.
final class SessionBMC: Sendable {
    let port: Int
    let controlPort: Int
    let certificate: TestCertificate
    let process: PeerProcess
    let folder: URL

    var url: String { "https://127.0.0.1:\(port)" }

    struct State: Decodable {
        var sessions: [String]
        var deleted: [String]
        var logins: Int
        var basicRequests: Int
        var tokens: [String]
    }

    init(password: String) throws {
        let folder = try TestFolder.make("session-bmc")
        self.folder = folder
        certificate = try TestCertificate.make(in: folder)
        port = try TestPorts.allocate()
        controlPort = try TestPorts.allocate()
        let script = folder.appendingPathComponent("session_bmc.py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        process = try PeerProcess(
            name: "session-bmc", executable: "/usr/bin/python3",
            arguments: [script.path, "\(port)", "\(controlPort)", certificate.certificate.path, certificate.key.path, "admin", password],
            port: port, folder: folder)
        guard TestPorts.accepts(controlPort) else { throw PeerError("session-bmc control port \(controlPort) is not listening") }
    }

    func state() async throws -> State {
        try JSONDecoder().decode(State.self, from: try await control("GET", "/state"))
    }

    func expireSessions() async throws { _ = try await control("POST", "/expire") }

    private func control(_ method: String, _ path: String) async throws -> Data {
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(controlPort)\(path)")))
        request.httpMethod = method
        return try await URLSession.shared.data(for: request).0
    }

    /// Stops the peer by its PID and removes its folder.
    func stop() {
        process.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    static let script = #"""
        import http.server, json, secrets, signal, ssl, sys, threading

        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})

        port, control_port, cert, key, user, password = sys.argv[1:7]
        port, control_port = int(port), int(control_port)
        lock = threading.Lock()
        sessions = {"1": {"token": "other-admin-token", "user": "other-admin"}}
        state = {"deleted": [], "logins": 0, "basic": 0, "next": 2, "tokens": []}
        SESSIONS = "/redfish/v1/SessionService/Sessions"

        class Redfish(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def reply(self, status, body=None, headers=()):
                data = json.dumps(body).encode() if body is not None else b""
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def authorized(self):
                with lock:
                    if self.headers.get("Authorization", "").startswith("Basic "):
                        state["basic"] += 1
                    token = self.headers.get("X-Auth-Token")
                    return any(s["token"] == token for s in sessions.values())

            def do_GET(self):
                path = self.path.rstrip("/")
                if path == "/redfish/v1":
                    return self.reply(200, {"RedfishVersion": "1.15.0", "Vendor": "Contoso",
                        "Systems": {"@odata.id": "/redfish/v1/Systems"}, "SessionService": {"@odata.id": "/redfish/v1/SessionService"},
                        "Links": {"Sessions": {"@odata.id": SESSIONS}}})
                if not self.authorized():
                    return self.reply(401, {"error": {"message": "unauthorized"}})
                if path == "/redfish/v1/Systems":
                    return self.reply(200, {"Members": [{"@odata.id": "/redfish/v1/Systems/1"}]})
                if path == "/redfish/v1/Systems/1":
                    return self.reply(200, {"@odata.id": "/redfish/v1/Systems/1", "Id": "1", "PowerState": "On"})
                if path == SESSIONS:
                    with lock:
                        return self.reply(200, {"Members": [{"@odata.id": SESSIONS + "/" + i} for i in sessions]})
                self.reply(404, {"error": {"message": "no " + path}})

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
                if self.path.rstrip("/") != SESSIONS:
                    return self.reply(405)
                if body.get("UserName") != user or body.get("Password") != password:
                    return self.reply(401, {"error": {"message": "Invalid username or password"}})
                with lock:
                    ident = str(state["next"])
                    state["next"] += 1
                    state["logins"] += 1
                    token = secrets.token_hex(16)
                    state["tokens"].append(token)
                    sessions[ident] = {"token": token, "user": user}
                location = "https://127.0.0.1:%d%s/%s" % (port, SESSIONS, ident)
                self.reply(201, {"@odata.id": SESSIONS + "/" + ident, "Id": ident, "UserName": user},
                           [("X-Auth-Token", token), ("Location", location)])

            def do_DELETE(self):
                if not self.authorized():
                    return self.reply(401, {"error": {"message": "unauthorized"}})
                ident = self.path.rstrip("/").rsplit("/", 1)[-1]
                with lock:
                    if sessions.pop(ident, None) is None:
                        return self.reply(404)
                    state["deleted"].append(ident)
                self.reply(204)

        class Control(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                with lock:
                    data = json.dumps({"sessions": sorted(sessions), "deleted": state["deleted"], "logins": state["logins"],
                                       "basicRequests": state["basic"], "tokens": state["tokens"]}).encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):
                with lock:
                    for ident in [i for i in sessions if i != "1"]:
                        del sessions[ident]
                self.send_response(204)
                self.end_headers()

        control = http.server.ThreadingHTTPServer(("127.0.0.1", control_port), Control)
        threading.Thread(target=control.serve_forever, daemon=True).start()
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Redfish)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        server.serve_forever()
        """#
}
