import Foundation
import Logging
import NIOSSL

/// The authenticated link to one BMC: discovers the service root, logs in once (a Redfish
/// session, else HTTP Basic), re-logs in once when a session expires, and on ``close()``
/// deletes only the session it created.
actor RedfishConnection: RedfishResourceReader {
    let server: String
    let address: BMCAddress
    let trust: TLSTrust
    let credentials: Credentials
    let transport: AsyncHTTPTransport
    let logger: Logger
    let redactor: SecretRedactor

    var current: LoginOutcome?
    var pendingLogin: Task<LoginOutcome, any Error>?
    var closed = false

    init(server: String, address: BMCAddress, trust: TLSTrust, credentials: Credentials, box: HTTPClientBox, timeoutSeconds: Int, logger: Logger) {
        self.server = server
        self.address = address
        self.trust = trust
        self.credentials = credentials
        self.logger = logger
        redactor = SecretRedactor([credentials.password])
        transport = AsyncHTTPTransport(box: box, address: address, server: server, timeoutSeconds: timeoutSeconds, redactor: redactor)
    }

    // MARK: requests

    /// The service root and the vendor handler chosen from it (logs in if needed).
    func service() async throws(RedfishError) -> (root: ServiceRoot, vendor: any RedfishVendor) {
        let outcome = try await loggedIn()
        return (outcome.root, outcome.vendor)
    }

    func get(_ path: String) async throws(RedfishError) -> JSONValue {
        let spec = HTTPRequestSpec(method: "GET", path: path)
        let response = try await checked(spec)
        do { return try RedfishJSON.parseResource(response.body, source: "\(server): \(spec.summary)") } catch {
            throw error.redacting(redactor)
        }
    }

    /// POST or PATCH with a JSON body; returns the (2xx) response.
    @discardableResult
    func send(_ method: String, _ path: String, body: JSONValue) async throws(RedfishError) -> HTTPResponseData {
        try await checked(HTTPRequestSpec(method: method, path: path, body: body.encoded()))
    }

    /// Sends with authentication and turns any non-2xx status into a ``RedfishError``.
    private func checked(_ spec: HTTPRequestSpec) async throws(RedfishError) -> HTTPResponseData {
        let response = try await authenticated(spec)
        switch response.status {
        case 200..<300:
            return response
        case 300..<400:
            throw RedfishError.redirected(server: server, request: spec.summary, status: response.status, location: response.header("Location") ?? "?")
                .redacting(redactor)
        case 401:
            throw .authenticationFailed(server: server, status: 401)
        default:
            throw RedfishError.bmcStatus(
                server: server, request: spec.summary, status: response.status, bmcMessage: RedfishErrorBody.message(from: response.body)
            ).redacting(redactor)
        }
    }

    /// Sends with the current authentication; on a 401 with a session, logs in again once.
    private func authenticated(_ spec: HTTPRequestSpec) async throws(RedfishError) -> HTTPResponseData {
        let outcome = try await loggedIn()
        let response = try await exchange(spec, outcome)
        guard response.status == 401, case .session = outcome.authentication else { return response }
        logger.info("redfish session rejected; logging in again", metadata: ["server": "\(server)"])
        if current?.authentication == outcome.authentication { current = nil }
        return try await exchange(spec, try await loggedIn())
    }

    private func exchange(_ spec: HTTPRequestSpec, _ outcome: LoginOutcome) async throws(RedfishError) -> HTTPResponseData {
        var spec = spec
        spec.headers.append(outcome.authentication.header(credentials))
        let started = ContinuousClock.now
        let response = try await transport.send(spec, tls: outcome.tls)
        let elapsed = (ContinuousClock.now - started).components
        logger.debug("redfish request", metadata: [
            "server": "\(server)", "request": "\(spec.summary)", "status": "\(response.status)",
            "ms": "\(elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000)",
        ])
        return response
    }

    // MARK: login

    private func loggedIn() async throws(RedfishError) -> LoginOutcome {
        guard !closed else { throw .stopping }
        if let current { return current }
        let task: Task<LoginOutcome, any Error>
        if let pendingLogin {
            task = pendingLogin
        } else {
            task = Task { try await self.login() }
            pendingLogin = task
        }
        let outcome: LoginOutcome
        do {
            outcome = try await task.value
        } catch {
            if pendingLogin == task { pendingLogin = nil }
            throw (error as? RedfishError ?? .unreachable(server: server, detail: "\(error)")).redacting(redactor)
        }
        // close() took over this login's session while we waited: it deletes it.
        guard !closed else { throw .stopping }
        if pendingLogin == task {
            pendingLogin = nil
            current = outcome
            try await outcome.vendor.afterLogin(self)
        }
        return outcome
    }
}
