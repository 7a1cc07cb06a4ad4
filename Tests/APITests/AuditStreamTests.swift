import Foundation
import KernelTesting
import Logging
import Storage
import Testing

/// `GET /v1/audit/stream`: JSON lines, the backlog after `since` then records as they are
/// appended, in the caller's scope; refusals are real HTTP errors; a client that stops
/// reading is cut off instead of buffered.
@Suite struct AuditStreamTests {
    static let fast = ", auditStreamPollMilliseconds: 50"

    @Test(arguments: APIBackend.allCases)
    func backlogThenLiveRecordsInTheCallersScope(_ backend: APIBackend) async throws {
        try await APIFixture.run(backend: backend, apiSettings: Self.fast) { api, _ in
            let root = try await api.login("root", APIFixture.password("root"))
            let ann = try await api.login("ann", APIFixture.password("ann"))
            let oscar = try await api.login("oscar", APIFixture.password("oscar"))
            let gus = try await api.login("gus", APIFixture.password("gus"))
            #expect(try await api.post("/v1/servers/web-01/session-token", token: oscar).status == 200)

            var stream = try await NDJSONStream.open(api.base + "/v1/audit/stream?since=2000-01-01T00:00:00Z&action=token.session", token: ann)
            #expect(stream.status == 200 && stream.contentType == "application/x-ndjson")
            let backlog = try #require(try await stream.next())
            #expect(backlog["action"] as? String == "token.session" && backlog["server"] as? String == "web-01" && backlog["tenant"] as? String == "acme")
            #expect(backlog["outcome"] as? String == "ok" && (backlog["at"] as? String)?.hasSuffix("Z") == true)

            // Live: another tenant's record first, then one of ann's tenant; only the latter arrives.
            #expect(try await api.post("/v1/servers/db-01/session-token", token: gus).status == 200)
            #expect(try await api.post("/v1/servers/web-01/session-token", token: oscar).status == 200)
            let live = try #require(try await stream.next())
            #expect(live["server"] as? String == "web-01" && live["tenant"] as? String == "acme")
            #expect((live["id"] as? Int ?? 0) > (backlog["id"] as? Int ?? .max))

            // Without since: only what is appended from now on.
            var changes = try await NDJSONStream.open(api.base + "/v1/audit/stream?action=server.assign", token: root)
            #expect(changes.status == 200)
            #expect(try await api.send(.PUT, "/v1/servers/db-01/tenant", token: root, body: #"{"tenant":"acme"}"#).status == 200)
            let change = try #require(try await changes.next())
            #expect(change["server"] as? String == "db-01" && change["detail"] as? String == "tenant: globex -> acme")
        }
    }

    @Test func refusalsAreHTTPErrorsNotEmptyStreams() async throws {
        try await APIFixture.run(apiSettings: Self.fast) { api, _ in
            let ann = try await api.login("ann", APIFixture.password("ann"))
            let vera = try await api.login("vera", APIFixture.password("vera"))
            let cases: [(String?, String, Int, String)] = [
                (nil, "", 401, "unauthenticated"), ("garbage", "", 401, "invalid-token"), (vera, "", 403, "denied"),
                (ann, "?tenant=globex", 403, "denied"), (ann, "?before=10", 400, "bad-request"), (ann, "?limit=10", 400, "bad-request"),
            ]
            for (token, query, status, code) in cases {
                let answer = try await api.get("/v1/audit/stream\(query)", token: token)
                #expect(answer.status == status && answer.errorCode == code, "\(query) \(status)")
            }
        }
    }

    /// The client does not read: once the socket buffers are full the server's write waits,
    /// and after `auditStreamWriteTimeoutSeconds` the stream is cut off. The client then reads
    /// what was in flight and nothing more, far short of everything appended (a server that
    /// merely waited would send the rest as soon as the client reads).
    @Test(arguments: APIBackend.allCases)
    func aClientThatStopsReadingIsCutOff(_ backend: APIBackend) async throws {
        let storage = try await backend.storage()
        let port = FreePort.find()
        try await APIFixture.run(port: port, storage: storage, apiSettings: Self.fast + ", auditStreamWriteTimeoutSeconds: 1") { api, _ in
            let root = try await api.login("root", APIFixture.password("root"))
            let connection = try RawStreamConnection(
                port: port, request: "GET /v1/audit/stream?action=bulk HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(root)\r\n\r\n")
            let appended = 15_000  // about 31 MB of lines: far more than the socket buffers hold
            let store = try await SQLStore.open(try StoreLocation(parsing: storage), logger: Logger(label: "test.audit"))
            let detail = String(repeating: "d", count: 2000)
            try await store.database.transaction { (sql: any SQLExecutor) async throws(StoreError) in
                for index in 0..<appended {
                    try await sql.query(
                        "INSERT INTO audit (at, actor, action, outcome, detail) VALUES ($1, $2, $3, $4, $5)",
                        [.integer(Date().millisecondsSince1970), .text("bulk-\(index)"), .text("bulk"), .text("ok"), .text(detail)])
                }
            }
            await store.close()
            // Not reading for three write timeouts: the test is about a timeout, so it waits.
            try await Task.sleep(for: .seconds(3))
            let received = try connection.readUntilQuiet()
            let text = String(decoding: received, as: UTF8.self)
            #expect(text.hasPrefix("HTTP/1.1 200"))
            let lines = text.components(separatedBy: "\"action\":\"bulk\"").count - 1
            #expect(lines > 0 && lines < appended, "received \(lines) of \(appended)")
        }
    }
}
