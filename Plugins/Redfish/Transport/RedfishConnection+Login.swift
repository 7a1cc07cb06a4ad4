import Logging
import NIOSSL

extension RedfishConnection {
    /// Reads the service root, picks the vendor handler, then logs in: a session when the
    /// service offers one, else HTTP Basic (checked once against the Systems collection).
    func login() async throws(RedfishError) -> LoginOutcome {
        let tls = try trust.configuration(server: server)
        if trust == .insecure {
            logger.warning(
                "TLS CERTIFICATE VERIFICATION IS OFF for this BMC (insecureSkipVerify: true): anyone on the path can read its password; set certificateFile instead",
                metadata: ["server": "\(server)", "url": "\(address)"])
        }
        let root = try await serviceRoot(tls)
        let vendor = RedfishVendors.select(for: root)
        var authentication = Authentication.basic
        if let sessions = root.sessionsPath ?? root.sessionServicePath.map({ _ in "/redfish/v1/SessionService/Sessions" }) {
            let spec = HTTPRequestSpec(method: "POST", path: sessions, body: credentials.sessionLoginBody.encoded())
            let response = try await transport.send(spec, tls: tls)
            switch try SessionLogin.interpret(response, address: address, server: server, request: spec.summary) {
            case .session(let session):
                authentication = session
            case .fallBackToBasic(let reason):
                logger.warning("redfish session login unavailable; using HTTP Basic", metadata: ["server": "\(server)", "reason": "\(reason)"])
            }
        }
        if authentication == .basic {
            try await verifyBasic(tls, path: root.systemsPath ?? "/redfish/v1/Systems")
        }
        logger.info("logged in to BMC", metadata: [
            "server": "\(server)", "url": "\(address)", "authentication": "\(authentication)", "vendor": "\(vendor.id)",
        ])
        return LoginOutcome(authentication: authentication, tls: tls, root: root, vendor: vendor)
    }

    private func serviceRoot(_ tls: TLSConfiguration) async throws(RedfishError) -> ServiceRoot {
        var spec = HTTPRequestSpec(method: "GET", path: "/redfish/v1/")
        var response = try await transport.send(spec, tls: tls)
        if response.status == 401 {
            // The root must be readable without credentials; some BMCs want them anyway.
            spec.headers.append(Authentication.basic.header(credentials))
            response = try await transport.send(spec, tls: tls)
        }
        guard response.isSuccess else {
            if response.status == 401 || response.status == 403 { throw .authenticationFailed(server: server, status: response.status) }
            throw .bmcStatus(server: server, request: spec.summary, status: response.status, bmcMessage: RedfishErrorBody.message(from: response.body))
        }
        return ServiceRoot(json: try RedfishJSON.parseResource(response.body, source: "\(server): \(spec.summary)"))
    }

    private func verifyBasic(_ tls: TLSConfiguration, path: String) async throws(RedfishError) {
        let spec = HTTPRequestSpec(method: "GET", path: path, headers: [Authentication.basic.header(credentials)])
        let response = try await transport.send(spec, tls: tls)
        if response.status == 401 || response.status == 403 { throw .authenticationFailed(server: server, status: response.status) }
        guard response.isSuccess else {
            throw .bmcStatus(server: server, request: spec.summary, status: response.status, bmcMessage: RedfishErrorBody.message(from: response.body))
        }
    }
}
