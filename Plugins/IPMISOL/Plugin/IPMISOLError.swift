import Contracts
import Kernel

/// What an `ipmi-sol` handler throws: a stable `code` for clients and a message that names
/// the server, what failed and what to do.
public enum IPMISOLError: CodedError, Equatable {
    /// No server of that name is configured here.
    case unknownServer(ServerID, known: [ServerID])
    /// The BMC (or the client talking to it) failed.
    case bmc(server: ServerID, endpoint: String, IPMIError)
    /// The password file is missing or unusable.
    case passwordFile(server: ServerID, path: String, reason: String)
    /// The BMC reports a boot device the contract has no name for.
    case unsupportedBootDevice(server: ServerID, BootDevice)
    /// The BMC's SOL payload is held by a session outside Tether.
    case consoleBusy(server: ServerID, forceAllowed: Bool, forced: Bool)
    /// The plugin is shutting down.
    case stopped(server: ServerID)

    public var code: String {
        switch self {
        case .unknownServer: "not-found"
        case .bmc(_, _, let error): error.code
        case .passwordFile: "bmc-credentials"
        case .unsupportedBootDevice: "unsupported"
        case .consoleBusy: "console-busy"
        case .stopped: "unavailable"
        }
    }

    public var message: String {
        switch self {
        case .unknownServer(let server, let known):
            "server \(server) is not managed by this ipmi-sol instance (it has: \(known.joined(separator: ", ")))"
        case .bmc(let server, let endpoint, let error):
            "\(server) (BMC \(endpoint)): \(error)"
        case .passwordFile(let server, let path, let reason):
            "\(server): the IPMI password file \(path) \(reason); fix the file (or passwordFile in the manifest)"
        case .unsupportedBootDevice(let server, let device):
            "\(server): the BMC's boot device is \(device), which boot.get cannot name (none, pxe, disk, cdrom, bios)"
        case .consoleBusy(let server, let forceAllowed, let forced):
            if forceAllowed {
                "\(server): the BMC's SOL payload is active in another session (someone else's console);"
                    + " attach with force to take it over (audited)"
            } else {
                "\(server): the BMC's SOL payload is active in another session (someone else's console)"
                    + (forced ? "; force take-over is off for this agent" : "")
                    + "; ask its user to close it, or set allowForceTakeover: true and attach with force"
            }
        case .stopped(let server):
            "\(server): the ipmi-sol plugin is stopping; retry shortly"
        }
    }
}
