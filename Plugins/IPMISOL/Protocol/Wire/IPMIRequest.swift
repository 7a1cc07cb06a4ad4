/// An IPMI request message (netFn, command, data) before LAN framing.
struct IPMIRequest: Equatable, Sendable {
    /// BMC responder address and our software ID as requester (IPMI v2.0 section 13.8).
    static let bmcSlaveAddress: UInt8 = 0x20
    static let remoteConsoleSoftwareID: UInt8 = 0x81

    var networkFunction: NetworkFunction
    var command: UInt8
    var data: [UInt8]
    /// Human-readable name for errors and logs ("Get Device ID").
    var name: String

    init(_ networkFunction: NetworkFunction, command: UInt8, data: [UInt8] = [], name: String) {
        self.networkFunction = networkFunction
        self.command = command
        self.data = data
        self.name = name
    }

    /// The LAN message: rsAddr, netFn/rsLUN, checksum, rqAddr, rqSeq/rqLUN, cmd, data, checksum.
    func encode(sequence: UInt8) -> [UInt8] {
        var bytes: [UInt8] = [Self.bmcSlaveAddress, networkFunction.rawValue << 2]
        bytes.append(IPMIChecksum.of(bytes[0...1]))
        var body: [UInt8] = [Self.remoteConsoleSoftwareID, (sequence & 0x3F) << 2, command]
        body += data
        body.append(IPMIChecksum.of(body[...]))
        return bytes + body
    }
}
