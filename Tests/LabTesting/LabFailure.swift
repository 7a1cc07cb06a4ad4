/// A lab peer (the VM lab, the OIDC provider) could not be started or did not answer.
public struct LabFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
