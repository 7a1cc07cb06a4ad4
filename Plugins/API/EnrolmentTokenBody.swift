/// `POST /v1/agents/enrolment-tokens`.
struct EnrolmentTokenBody: StrictBody {
    static let fields: Set<String> = ["node", "gateway", "ttlSeconds"]
    let node: String
    let gateway: String
    let ttlSeconds: Int?
}
