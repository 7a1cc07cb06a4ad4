/// Why a configured `url` is not usable.
public struct BMCAddressError: Error, Sendable, Equatable {
    public let reason: String
}
