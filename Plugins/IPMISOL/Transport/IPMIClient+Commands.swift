extension IPMIClient {
    /// Get Device ID: firmware, IPMI version, manufacturer and product.
    public func deviceID() async throws -> DeviceID {
        try DeviceID.decode(await perform(DeviceID.request))
    }

    /// Get Chassis Status: power state, restore policy, last power event, faults.
    public func chassisStatus() async throws -> ChassisStatus {
        try ChassisStatus.decode(await perform(ChassisStatus.request))
    }

    /// Chassis Control: power on, off, cycle, hard reset, soft shutdown. Not retried after
    /// a reconnect, since a lost answer does not mean the action was not taken.
    public func chassisControl(_ action: ChassisControlAction) async throws {
        _ = try await perform(action.request, idempotent: false)
    }

    /// Sets the boot device override (System Boot Options parameter 5).
    public func setBootOverride(_ override: BootOverride) async throws {
        _ = try await perform(override.setRequest)
    }

    /// Convenience for ``setBootOverride(_:)``.
    public func setBootDevice(_ device: BootDevice, persistent: Bool = false, uefi: Bool = false) async throws {
        try await setBootOverride(BootOverride(device: device, persistent: persistent, uefi: uefi))
    }

    /// Reads the boot device override (System Boot Options parameter 5).
    public func bootOverride() async throws -> BootOverride {
        try BootOverride.decode(await perform(BootOverride.getRequest))
    }

    /// Get SEL Info: entry count, free space, timestamps.
    public func selInfo() async throws -> SELInfo {
        try SELInfo.decode(await perform(SELInfo.request))
    }

    /// Reads every SEL entry, first to last (at most `limit`, bounding a looping BMC).
    public func selEntries(limit: Int = 4096) async throws -> [SELEntry] {
        try await serialized(retryOnDeadSession: true) { connection in
            var entries: [SELEntry] = []
            var recordID: UInt16 = 0x0000
            while entries.count < limit {
                let response = try await self.sendAllowingFailure(
                    SELEntry.getRequest(recordID: recordID, reservationID: 0), on: connection
                )
                // 0xCB on the first read: the SEL is empty.
                if response.completionCode.rawValue == 0xCB, entries.isEmpty { break }
                guard response.completionCode == .success else {
                    throw IPMIError.completionCode(response.completionCode, command: "Get SEL Entry")
                }
                let (next, entry) = try SELEntry.decodeResponse(response.data)
                entries.append(entry)
                guard next != SELEntry.lastRecordID, next != recordID else { break }
                recordID = next
            }
            return entries
        }
    }

    /// Reserve SEL, then Clear SEL; waits (bounded) until the erase has completed.
    public func clearSEL() async throws {
        try await serialized(retryOnDeadSession: true) { connection in
            let reservation = try SELReservation.decodeReservationID(
                await self.send(SELReservation.reserveRequest, on: connection)
            )
            var done = try SELReservation.decodeClearProgress(
                await self.send(SELReservation.clearRequest(reservationID: reservation, initiate: true), on: connection)
            )
            var polls = 0
            while !done, polls < 50 {
                polls += 1
                try await Task.sleep(for: .milliseconds(100))
                done = try SELReservation.decodeClearProgress(
                    await self.send(SELReservation.clearRequest(reservationID: reservation, initiate: false), on: connection)
                )
            }
            guard done else {
                throw IPMIError.bmcNotAnswering(step: "Clear SEL (erase did not complete)", seconds: 5)
            }
        }
    }

    /// Sends any IPMI request and returns the response data after the completion code;
    /// a non-zero completion code throws ``IPMIError/completionCode(_:command:)``.
    public func raw(_ networkFunction: NetworkFunction, command: UInt8, data: [UInt8] = []) async throws -> [UInt8] {
        let name = "raw netFn 0x\(String(networkFunction.rawValue, radix: 16)) cmd 0x\(String(command, radix: 16))"
        return try await perform(IPMIRequest(networkFunction, command: command, data: data, name: name), idempotent: false)
    }
}
