import Logging

extension RedfishConnection {
    /// Deletes the sessions this connection created (never any other), then refuses new
    /// requests. Bounded: a login or DELETE stuck on a hanging BMC is abandoned after
    /// ``closeBudget`` (the plugin then shuts its HTTP client down, which fails it).
    func close() async {
        closed = true
        var outcomes = [current].compactMap { $0 }
        current = nil
        if let pendingLogin {
            self.pendingLogin = nil
            pendingLogin.cancel()
            if let outcome = await OneShot.value(of: pendingLogin, within: Self.closeBudget) { outcomes.append(outcome) }
        }
        for outcome in outcomes {
            let deletion = Task { await self.deleteSession(outcome) }
            if await OneShot.value(of: deletion, within: Self.closeBudget) == nil {
                logger.warning("gave up deleting our redfish session; it will expire on the BMC", metadata: ["server": "\(server)"])
            }
        }
    }

    static let closeBudget = Duration.seconds(2)

    private func deleteSession(_ outcome: LoginOutcome) async {
        guard case .session(let token, let location) = outcome.authentication else { return }
        guard let location else {
            logger.warning("the BMC did not say where our session lives; it will expire on its own", metadata: ["server": "\(server)"])
            return
        }
        let spec = HTTPRequestSpec(method: "DELETE", path: location, headers: [("X-Auth-Token", token)])
        do {
            let response = try await transport.send(spec, tls: outcome.tls)
            logger.info("redfish session closed", metadata: ["server": "\(server)", "session": "\(location)", "status": "\(response.status)"])
        } catch {
            logger.warning(
                "could not delete our redfish session", metadata: ["server": "\(server)", "session": "\(location)", "error": "\(error.redacting(redactor))"])
        }
    }
}
