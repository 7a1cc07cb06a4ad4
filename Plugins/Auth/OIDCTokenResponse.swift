/// The provider's answer to the authorization code exchange.
struct OIDCTokenResponse: Decodable, Sendable {
    let idToken: String
    let tokenType: String?

    enum CodingKeys: String, CodingKey {
        case idToken = "id_token"
        case tokenType = "token_type"
    }
}
