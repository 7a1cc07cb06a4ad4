extension RedfishError {
    /// The same error with every secret removed from the text it carries from elsewhere.
    func redacting(_ redactor: SecretRedactor) -> RedfishError {
        switch self {
        case .malformedJSON(let source, let detail):
            .malformedJSON(source: redactor.clean(source), detail: redactor.clean(detail))
        case .unexpectedResponse(let server, let source, let detail):
            .unexpectedResponse(server: server, source: redactor.clean(source), detail: redactor.clean(detail))
        case .bmcStatus(let server, let request, let status, let message):
            .bmcStatus(server: server, request: redactor.clean(request), status: status, bmcMessage: redactor.clean(message))
        case .unreachable(let server, let detail):
            .unreachable(server: server, detail: redactor.clean(detail))
        case .redirected(let server, let request, let status, let location):
            .redirected(server: server, request: redactor.clean(request), status: status, location: redactor.clean(location))
        case .certificateFile(let server, let path, let detail):
            .certificateFile(server: server, path: path, detail: redactor.clean(detail))
        case .notAllowed(let server, let what, let value, let allowed):
            .notAllowed(server: server, what: what, value: redactor.clean(value), allowed: allowed.map(redactor.clean))
        default:
            self
        }
    }
}
