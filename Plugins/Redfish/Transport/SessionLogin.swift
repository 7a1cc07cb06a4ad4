/// Interprets the answer to `POST .../Sessions`. Pure: no I/O.
enum SessionLogin {
    enum Result: Equatable {
        case session(Authentication)
        /// The service has no usable SessionService: use HTTP Basic. `reason` is for the log.
        case fallBackToBasic(reason: String)
    }

    static func interpret(_ response: HTTPResponseData, address: BMCAddress, server: String, request: String) throws(RedfishError) -> Result {
        switch response.status {
        case 200..<300:
            guard let token = response.header("X-Auth-Token"), !token.isEmpty else {
                return .fallBackToBasic(reason: "the session answer carried no X-Auth-Token")
            }
            let bodyLocation = (try? RedfishJSON.parse(response.body, source: request))?.odataID
            let location = response.header("Location").flatMap(address.samePath) ?? bodyLocation.flatMap(address.samePath)
            return .session(.session(token: token, location: location))
        case 401, 403:
            throw .authenticationFailed(server: server, status: response.status)
        case 404, 405, 501:
            return .fallBackToBasic(reason: "the BMC answered HTTP \(response.status) to the session login")
        case 300..<400:
            throw .redirected(server: server, request: request, status: response.status, location: response.header("Location") ?? "?")
        default:
            throw .bmcStatus(server: server, request: request, status: response.status, bmcMessage: RedfishErrorBody.message(from: response.body))
        }
    }
}
