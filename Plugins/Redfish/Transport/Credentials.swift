import Foundation

/// A BMC username and password. Printing it never shows the password.
struct Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    let username: String
    let password: String

    /// `Authorization` value for HTTP Basic.
    var basicAuthorization: String { "Basic " + Data("\(username):\(password)".utf8).base64EncodedString() }

    /// The SessionService login body.
    var sessionLoginBody: JSONValue { .object(["UserName": .string(username), "Password": .string(password)]) }

    var description: String { "\(username):<redacted>" }
    var debugDescription: String { description }
}
