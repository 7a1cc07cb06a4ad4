import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// Sends requests to one BMC with the plugin's HTTP client: per-request TLS settings and
/// deadline, no redirects, bounded response size.
struct AsyncHTTPTransport: Sendable {
    /// Larger answers are refused (a Redfish resource is a few kB; a long log page well under this).
    static let maximumBodyBytes = 8 * 1024 * 1024

    let box: HTTPClientBox
    let address: BMCAddress
    let server: String
    let timeoutSeconds: Int
    let redactor: SecretRedactor

    func send(_ spec: HTTPRequestSpec, tls: TLSConfiguration) async throws(RedfishError) -> HTTPResponseData {
        let client = try await box.client()
        var request = HTTPClientRequest(url: address.url(spec.path))
        request.method = HTTPMethod(rawValue: spec.method)
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "OData-Version", value: "4.0")
        for (name, value) in spec.headers { request.headers.add(name: name, value: value) }
        if let body = spec.body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        request.tlsConfiguration = tls
        do {
            let response = try await client.execute(request, timeout: .seconds(Int64(timeoutSeconds)))
            let bytes = try await response.body.collect(upTo: Self.maximumBodyBytes)
            return HTTPResponseData(
                status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, body: Data(bytes.readableBytesView))
        } catch {
            throw describe(error, spec)
        }
    }

    private func describe(_ error: any Error, _ spec: HTTPRequestSpec) -> RedfishError {
        switch error {
        case is NIOTooManyBytesError:
            return .responseTooLarge(server: server, request: spec.summary, limit: Self.maximumBodyBytes)
        case let error as HTTPClientError where [.deadlineExceeded, .readTimeout, .connectTimeout].contains(error):
            return .timeout(server: server, request: spec.summary, seconds: timeoutSeconds)
        case let error as HTTPClientError where error == .alreadyShutdown || error == .cancelled:
            return .stopping
        case is CancellationError:
            return .stopping
        case let error as NIOSSLError:
            return .unreachable(server: server, detail: redactor.clean("TLS with \(address) failed: \(error)") + Self.tlsHint(error))
        default:
            return .unreachable(server: server, detail: redactor.clean("\(spec.summary) at \(address): \(error)"))
        }
    }

    static func tlsHint(_ error: NIOSSLError) -> String {
        let text = "\(error)".uppercased()
        guard text.contains("CERTIFICATE") || text.contains("VERIFY") else { return "" }
        return "; the BMC's certificate is not trusted: set certificateFile to its certificate or CA (insecureSkipVerify: true only for lab BMCs)"
    }
}
