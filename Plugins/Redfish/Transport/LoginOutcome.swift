import NIOSSL

/// What one login established: how to authenticate, with which TLS settings, against which service.
struct LoginOutcome: Sendable {
    var authentication: Authentication
    var tls: TLSConfiguration
    var root: ServiceRoot
    var vendor: any RedfishVendor
}
