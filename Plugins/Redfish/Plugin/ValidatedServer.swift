/// A server entry that passed validation.
struct ValidatedServer: Sendable {
    let config: RedfishServerConfig
    let address: BMCAddress
    let trust: TLSTrust
}
