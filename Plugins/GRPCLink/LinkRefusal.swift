/// Why a listener refuses a dialler's hello. The dialler sees `PERMISSION_DENIED` with the
/// reason, or `UNAVAILABLE` when the credential could not be checked at all (the manager's
/// keys unreachable, no `auth` plugin): then it is not the dialler's fault and it retries.
struct LinkRefusal: Error, Sendable, Equatable {
    let reason: String
    /// An enrolment token was refused (audited as `agent.enrolment-refused`, otherwise
    /// `agent.link-refused`).
    var enrolment = false
    /// The credential could not be checked; audited as `failed` rather than `denied`.
    var unverifiable = false

    init(_ reason: String, enrolment: Bool = false, unverifiable: Bool = false) {
        self.reason = reason
        self.enrolment = enrolment
        self.unverifiable = unverifiable
    }

    /// The audit action of this refusal.
    var auditAction: String { enrolment ? "agent.enrolment-refused" : "agent.link-refused" }
}
