/// The timing and size rules of a ``SessionTable``, in seconds.
struct SessionLimits: Sendable, Equatable {
    var codeLifetime: Int64
    var lease: Int64
    var maxLifetime: Int64
    var maxPerServer: Int
}
