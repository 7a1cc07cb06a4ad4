/// A decoded IPMI response message.
struct IPMIResponse: Equatable, Sendable {
    var networkFunction: NetworkFunction
    var command: UInt8
    var sequence: UInt8
    var completionCode: CompletionCode
    /// Response data after the completion code.
    var data: [UInt8]

    init(
        networkFunction: NetworkFunction, command: UInt8, sequence: UInt8,
        completionCode: CompletionCode, data: [UInt8]
    ) {
        self.networkFunction = networkFunction
        self.command = command
        self.sequence = sequence
        self.completionCode = completionCode
        self.data = data
    }

    /// Decodes rqAddr, netFn/rqLUN, checksum, rsAddr, rqSeq/rsLUN, cmd, cc, data, checksum.
    static func decode(_ message: [UInt8]) throws(IPMIError) -> IPMIResponse {
        guard message.count >= 8 else {
            throw .malformedPacket("IPMI response of \(message.count) bytes is shorter than 8")
        }
        guard IPMIChecksum.verify(message[0...2]) else {
            throw .malformedPacket("IPMI response header checksum mismatch")
        }
        guard IPMIChecksum.verify(message[3...]) else {
            throw .malformedPacket("IPMI response data checksum mismatch")
        }
        let networkFunction = NetworkFunction(rawValue: message[1] >> 2)
        guard networkFunction.rawValue & 0x01 == 1 else {
            throw .malformedPacket("IPMI message with netFn 0x\(String(networkFunction.rawValue, radix: 16)) is not a response")
        }
        return IPMIResponse(
            networkFunction: networkFunction,
            command: message[5],
            sequence: message[4] >> 2,
            completionCode: CompletionCode(rawValue: message[6]),
            data: Array(message[7..<(message.count - 1)])
        )
    }

    /// True if this answers `request` sent with `sequence`.
    func answers(_ request: IPMIRequest, sequence requestSequence: UInt8) -> Bool {
        networkFunction == request.networkFunction.response
            && command == request.command
            && sequence == requestSequence & 0x3F
    }
}
