/// The credential fields of a dialler's hello.
struct HelloCredential: Sendable, Equatable {
    /// A static token, an enrolment token, or the agent's own credential.
    var credential: String
    /// With an enrolment token: the public key it is to be redeemed for.
    var publicKey = ""
    /// With the agent's own credential: the proof, its time and the gateway it names.
    var proof = ""
    var timestamp: Int64 = 0
    var gateway = ""
}
