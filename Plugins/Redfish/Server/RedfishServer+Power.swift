import Contracts

extension RedfishServer {
    func powerState() async throws(RedfishError) -> Power.State {
        PowerStateMapping.state(try await system().powerState)
    }

    /// Performs a Contracts power action with the ResetTypes the system allows.
    func setPower(_ action: Power.Action) async throws(RedfishError) {
        let system = try await system()
        let reset = try resetAction(of: system)
        let plan = try ResetPlan.make(for: action, allowed: try await allowedResetTypes(reset), server: name)
        logger.info("power action", metadata: ["server": "\(name)", "action": "\(action.rawValue)", "plan": "\(plan)"])
        switch plan {
        case .single(let type):
            try await post(reset, type)
        case .offThenOn(let off, let on):
            if system.powerState != "Off" {
                try await post(reset, off)
                try await waitForPowerState("Off")
            }
            try await post(reset, on)
        }
    }

    /// Sends any ResetType, refused beforehand when the system lists its allowed ones and this is not among them.
    func reset(_ resetType: String, checkAllowed: Bool = true) async throws(RedfishError) {
        let reset = try resetAction(of: try await system())
        if checkAllowed { try ResetPlan.check(resetType, allowed: try await allowedResetTypes(reset), server: name) }
        try await post(reset, resetType)
    }

    func resetAction(of system: ComputerSystem) throws(RedfishError) -> ResetAction {
        guard let reset = system.reset else { throw .notSupported(server: name, what: "ComputerSystem.Reset (power control)") }
        return reset
    }

    /// Inline `AllowableValues`, else those of the action's ActionInfo; nil when the BMC lists none.
    func allowedResetTypes(_ reset: ResetAction) async throws(RedfishError) -> [String]? {
        if let values = reset.allowableValues { return values }
        guard let info = reset.actionInfoPath else { return nil }
        return ResetAction.allowableValues(fromActionInfo: try await connection.get(info))
    }

    private func post(_ reset: ResetAction, _ type: String) async throws(RedfishError) {
        try await connection.send("POST", reset.target, body: .object(["ResetType": .string(type)]))
    }

    /// Polls PowerState (there is no event to wait for) every 250 ms, at most `powerWaitSeconds`.
    private func waitForPowerState(_ wanted: String) async throws(RedfishError) {
        let deadline = ContinuousClock.now + .seconds(powerWaitSeconds)
        for _ in 0..<(powerWaitSeconds * 4 + 1) {
            if try await system().powerState == wanted { return }
            guard ContinuousClock.now < deadline else { break }
            do { try await Task.sleep(for: .milliseconds(250)) } catch { throw .stopping }
        }
        throw .powerTransitionTimedOut(server: name, waitingFor: wanted, seconds: powerWaitSeconds)
    }
}
