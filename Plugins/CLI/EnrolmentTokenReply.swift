/// `POST /v1/agents/enrolment-tokens`: the request body and the answer.
struct EnrolmentTokenReply: Codable, Sendable {
    struct Request: Encodable {
        var node: String
        var gateway: String
        var ttlSeconds: Int?
    }

    var token: ManagerReplies.IssuedToken
    var node: String
    var gateway: String
    var tokenID: String
}
