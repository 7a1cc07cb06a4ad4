extension RFBClientHandshake {
    /// Security types this configuration can use, strongest first.
    var usableSecurityTypes: [RFBSecurityType] {
        var types: [RFBSecurityType] = []
        if configuration.allowsVeNCryptTLS { types.append(.veNCrypt) }
        if configuration.password != nil { types.append(.vncAuthentication) }
        types.append(.none)
        return types
    }

    /// RFB 3.7/3.8: the server lists its types and the client picks one.
    mutating func readSecurityTypeList() throws(RFBHandshakeError) -> [Action]? {
        guard let count = input.byte(at: 0) else { return nil }
        if count == 0 {
            _ = input.take(1)
            state = .awaitingFailureReason(.connectionRefused)
            return []
        }
        guard let bytes = input.take(1 + Int(count)) else { return nil }
        let offered = bytes.dropFirst().map(RFBSecurityType.init(rawValue:))
        let usable = usableSecurityTypes
        guard let chosen = usable.first(where: offered.contains) else {
            if offered.contains(.vncAuthentication), configuration.password == nil {
                throw .passwordRequired
            }
            throw .noSupportedSecurityType(offered: offered, usable: usable)
        }
        securityType = chosen
        switch chosen {
        case .vncAuthentication:
            state = .awaitingVNCChallenge
            return [.send([chosen.rawValue])]
        case .veNCrypt:
            state = .awaitingVeNCryptVersion
            return [.send([chosen.rawValue])]
        default:
            // None: RFB 3.8 still sends a SecurityResult; 3.7 goes straight to initialisation.
            if version == .v3_8 {
                state = .awaitingSecurityResult
                return [.send([chosen.rawValue])]
            }
            state = .awaitingServerInit
            return [.send([chosen.rawValue] + clientInit)]
        }
    }

    /// RFB 3.3: the server decides the type and sends it as a 32-bit number.
    mutating func readServerChosenSecurityType() throws(RFBHandshakeError) -> [Action]? {
        guard let raw = input.uint32(at: 0) else { return nil }
        _ = input.take(4)
        guard raw <= UInt8.max else {
            throw .malformed("RFB 3.3 security type \(raw) is out of range")
        }
        let type = RFBSecurityType(rawValue: UInt8(raw))
        securityType = type
        switch type {
        case .invalid:
            state = .awaitingFailureReason(.connectionRefused)
            return []
        case .none:
            state = .awaitingServerInit
            return [.send(clientInit)]
        case .vncAuthentication:
            guard configuration.password != nil else { throw .passwordRequired }
            state = .awaitingVNCChallenge
            return []
        default:
            throw .noSupportedSecurityType(offered: [type], usable: [.vncAuthentication, .none])
        }
    }

    mutating func readVNCChallenge() throws(RFBHandshakeError) -> [Action]? {
        guard let password = configuration.password else { throw .passwordRequired }
        guard let challenge = input.take(VNCDES.challengeLength) else { return nil }
        let response = try VNCDES.response(toChallenge: challenge, password: password)
        state = .awaitingSecurityResult
        return [.send(response)]
    }

    mutating func readSecurityResult() throws(RFBHandshakeError) -> [Action]? {
        guard let result = input.uint32(at: 0) else { return nil }
        _ = input.take(4)
        if result == 0 {
            state = .awaitingServerInit
            return [.send(clientInit)]
        }
        // Only RFB 3.8 follows a failed SecurityResult with a reason string.
        guard version == .v3_8 else {
            throw .authenticationFailed(reason: "the server gave no reason (RFB \(version), result \(result))")
        }
        state = .awaitingFailureReason(.authenticationFailed)
        return []
    }

    mutating func readFailureReason(_ kind: State.FailureKind) throws(RFBHandshakeError) -> [Action]? {
        guard let length = input.uint32(at: 0) else { return nil }
        guard length <= configuration.maximumReasonLength else {
            throw .lengthLimitExceeded(field: "failure reason length", length: UInt64(length),
                                       limit: configuration.maximumReasonLength)
        }
        guard let bytes = input.take(4 + Int(length)) else { return nil }
        let reason = Self.readableReason(bytes.dropFirst(4))
        switch kind {
        case .connectionRefused: throw .connectionRefused(reason: reason)
        case .authenticationFailed: throw .authenticationFailed(reason: reason)
        }
    }

    /// Decodes a reason string; servers such as QEMU include a trailing NUL.
    static func readableReason(_ bytes: ArraySlice<UInt8>) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        while let last = text.unicodeScalars.last, last == "\0" || last.properties.isWhitespace {
            text.unicodeScalars.removeLast()
        }
        return text.isEmpty ? "(the server gave an empty reason)" : text
    }
}
