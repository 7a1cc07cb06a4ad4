import Kernel

/// `auth.verify`'s refusal, with the stable code the gateway expects.
struct Unauthenticated: Error, CodedError {
    let code = "unauthenticated"
    let message: String
}
