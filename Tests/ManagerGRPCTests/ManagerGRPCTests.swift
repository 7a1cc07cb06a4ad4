import Foundation
import GRPCCore
import Testing
import TetherAPIProto

/// The manager's gRPC API answers as its REST API does: same data, same refusals (as gRPC
/// statuses with the REST code in `tether-error`), same audit log.
@Suite struct ManagerGRPCTests {
    /// The error a call failed with, or nil when it succeeded.
    static func failure(_ call: () async throws -> Void) async -> RPCError? {
        do {
            try await call()
            return nil
        } catch let error as RPCError {
            return error
        } catch {
            Issue.record("not an RPCError: \(error)")
            return nil
        }
    }

    static func tetherError(_ error: RPCError?) -> String? {
        error.flatMap(GRPCStatusMapping.code(of:))
    }

    /// The gRPC status the REST status maps to.
    static func code(forHTTP status: Int) -> RPCError.Code? {
        [400: .invalidArgument, 401: .unauthenticated, 403: .permissionDenied, 404: .notFound, 429: .resourceExhausted, 503: .unavailable][status]
    }

    @Test func loginAndListServersMatchREST() async throws {
        try await ManagerGRPCFixture.run { manager in
            for user in ["root", "ann", "gus"] {
                let token = try await manager.login(user)
                let grpcServers = try await manager.grpc.listServers(.init(), metadata: ManagerGRPCFixture.bearer(token)).servers
                let rest = try await manager.rest.get("/v1/servers", token: token)
                #expect(rest.status == 200)
                let restServers = rest.json["servers"] as? [[String: Any]] ?? []
                #expect(grpcServers.map(\.id) == restServers.compactMap { $0["id"] as? String }, "\(user)")
                #expect(grpcServers.map(\.actions) == restServers.map { $0["actions"] as? [String] ?? [] }, "\(user)")
                #expect(grpcServers.map { $0.hasTenant ? $0.tenant : nil } == restServers.map { $0["tenant"] as? String }, "\(user)")
            }
            let ann = try await manager.login("ann")
            #expect(try await manager.grpc.listServers(.init(), metadata: ManagerGRPCFixture.bearer(ann)).servers.map(\.id) == ["web-01"])
            let me = try await manager.grpc.whoAmI(.init(), metadata: ManagerGRPCFixture.bearer(ann))
            #expect(me.name == "ann" && !me.superadmin && me.roles == ["acme": "admin"])
        }
    }

    @Test func aTenantUserCannotReachAnotherTenantsServersExactlyAsInREST() async throws {
        try await ManagerGRPCFixture.run { manager in
            let gus = try await manager.login("gus")
            let metadata = ManagerGRPCFixture.bearer(gus)

            let get = await Self.failure { _ = try await manager.grpc.getServer(.with { $0.server = "web-01" }, metadata: metadata) }
            let restGet = try await manager.rest.get("/v1/servers/web-01", token: gus)
            #expect([403, 404].contains(restGet.status))
            #expect(get?.code == Self.code(forHTTP: restGet.status))
            #expect(Self.tetherError(get) == restGet.errorCode)
            #expect(get?.message == restGet.errorMessage)

            let assign = await Self.failure {
                _ = try await manager.grpc.assignServer(.with { $0.server = "web-01"; $0.tenant = "globex" }, metadata: metadata)
            }
            let restAssign = try await manager.rest.send(.PUT, "/v1/servers/web-01/tenant", token: gus, json: #"{"tenant":"globex"}"#)
            #expect([403, 404].contains(restAssign.status))
            #expect(assign?.code == Self.code(forHTTP: restAssign.status))
            #expect(Self.tetherError(assign) == restAssign.errorCode)

            let session = await Self.failure {
                _ = try await manager.grpc.issueSessionToken(.with { $0.server = "web-01" }, metadata: metadata)
            }
            let restSession = try await manager.rest.send(.POST, "/v1/servers/web-01/session-token", token: gus, json: "{}")
            #expect(session?.code == Self.code(forHTTP: restSession.status))

            let root = try await manager.login("root")
            let owner = try await manager.grpc.getServer(.with { $0.server = "web-01" }, metadata: ManagerGRPCFixture.bearer(root)).server.tenant
            #expect(owner == "acme")
        }
    }

    @Test func aMissingGarbageOrForgedTokenIsUnauthenticated() async throws {
        try await ManagerGRPCFixture.run { manager in
            let valid = try await manager.login("ann")
            var forged = Array(valid)
            forged[forged.count - 2] = forged[forged.count - 2] == "A" ? "B" : "A"
            // A genuine token of the wrong kind: a session token is no login token.
            let session = try await manager.grpc.issueSessionToken(.with { $0.server = "web-01"; $0.actions = ["view"] }, metadata: ManagerGRPCFixture.bearer(valid))
            #expect(session.token.kind == "session" && session.gateway == "gw-eu1" && session.actions == ["view"])
            let candidates: [Metadata] = [
                [:], ["authorization": "Bearer garbage"], ["authorization": "Basic abc"], ManagerGRPCFixture.bearer(String(forged)),
                ManagerGRPCFixture.bearer(session.token.token),
            ]
            for metadata in candidates {
                let error = await Self.failure { _ = try await manager.grpc.listServers(.init(), metadata: metadata) }
                #expect(error?.code == .unauthenticated, "\(metadata)")
                #expect(["unauthenticated", "invalid-token"].contains(Self.tetherError(error)), "\(metadata)")
            }
            let garbage = await Self.failure { _ = try await manager.grpc.refresh(.init(), metadata: ["authorization": "Bearer garbage"]) }
            #expect(garbage?.code == .unauthenticated && Self.tetherError(garbage) == "invalid-token")
            let wrongPassword = await Self.failure {
                _ = try await manager.grpc.login(.with { $0.username = "ann"; $0.password = "nope" })
            }
            #expect(wrongPassword?.code == .unauthenticated && Self.tetherError(wrongPassword) == "invalid-credentials")
        }
    }

    @Test func aSuperadminAssignsAndUnassignsAndRESTShowsIt() async throws {
        try await ManagerGRPCFixture.run { manager in
            let root = try await manager.login("root")
            let metadata = ManagerGRPCFixture.bearer(root)
            let assigned = try await manager.grpc.assignServer(.with { $0.server = "db-01"; $0.tenant = "acme" }, metadata: metadata)
            #expect(assigned.server == "db-01" && assigned.tenant == "acme" && assigned.previousTenant == "globex")
            #expect(try await manager.rest.get("/v1/servers/db-01", token: root).json["tenant"] as? String == "acme")

            let unassigned = try await manager.grpc.unassignServer(.with { $0.server = "db-01" }, metadata: metadata)
            #expect(unassigned.previousTenant == "acme")
            let rest = try await manager.rest.get("/v1/servers/db-01", token: root)
            #expect(rest.status == 200 && rest.json["tenant"] == nil)

            let unknown = await Self.failure {
                _ = try await manager.grpc.assignServer(.with { $0.server = "db-01"; $0.tenant = "no-such" }, metadata: metadata)
            }
            #expect(unknown?.code == .notFound && Self.tetherError(unknown) == "not-found")

            let audit = try await manager.grpc.queryAudit(.with { $0.action = "server.assign" }, metadata: metadata).events
            #expect(!audit.isEmpty && audit.allSatisfy { $0.action == "server.assign" })
            let restAudit = try await manager.rest.get("/v1/audit?action=server.assign", token: root).json["events"] as? [[String: Any]] ?? []
            #expect(audit.map(\.id) == restAudit.compactMap { ($0["id"] as? NSNumber)?.int64Value })
            #expect(audit.last?.detail == "tenant: globex -> acme")
        }
    }

    @Test func onlyASuperadminRevokesAnAgentAndTheRefusalMatchesREST() async throws {
        try await ManagerGRPCFixture.run { manager in
            let root = try await manager.login("root")
            let revoked = try await manager.grpc.revokeAgent(.with { $0.node = "agent-9" }, metadata: ManagerGRPCFixture.bearer(root))
            #expect(revoked.node == "agent-9" && abs(revoked.revokedAt - Int64(Date().timeIntervalSince1970)) < 60)
            let audit = try await manager.grpc.queryAudit(.with { $0.action = "agent.revoked" }, metadata: ManagerGRPCFixture.bearer(root)).events
            #expect(audit.count == 1 && audit.first?.detail.contains("node agent-9") == true)

            let gus = try await manager.login("gus")
            let denied = await Self.failure { _ = try await manager.grpc.revokeAgent(.with { $0.node = "agent-9" }, metadata: ManagerGRPCFixture.bearer(gus)) }
            let restDenied = try await manager.rest.send(.POST, "/v1/agents/agent-9/revoke", token: gus, json: "{}")
            #expect(restDenied.status == 403 && denied?.code == .permissionDenied && Self.tetherError(denied) == restDenied.errorCode)
            let bad = await Self.failure { _ = try await manager.grpc.revokeAgent(.with { $0.node = "a b" }, metadata: ManagerGRPCFixture.bearer(root)) }
            #expect(bad?.code == .invalidArgument)
        }
    }

    @Test func watchAuditDeliversARecordAppendedAfterTheCallStarted() async throws {
        try await ManagerGRPCFixture.run { manager in
            let root = try await manager.login("root")
            let stranger = "nobody-\(UUID().uuidString.prefix(8))"
            let request = Tether_V1_WatchAuditRequest.with { $0.action = "login" }
            let record = try await manager.grpc.watchAudit(request, metadata: ManagerGRPCFixture.bearer(root)) { response -> Tether_V1_AuditRecord? in
                // The call is answered once the stream is open: a login from now on is streamed.
                let refused = await Self.failure { _ = try await manager.grpc.login(.with { $0.username = stranger; $0.password = "x" }) }
                #expect(refused?.code == .unauthenticated)
                var batches = 0
                for try await batch in response.messages {
                    batches += 1
                    #expect(batch.events.allSatisfy { $0.action == "login" })
                    if let mine = batch.events.first(where: { $0.actor == stranger }) { return mine }
                    if batches > 20 { break }
                }
                return nil
            }
            let mine = try #require(record)
            #expect(mine.outcome == .failed && mine.source == "127.0.0.1")
        }
    }

    @Test func watchAuditRefusesANonAdminBeforeStreaming() async throws {
        try await ManagerGRPCFixture.run { manager in
            let gus = try await manager.login("gus")
            let error = await Self.failure {
                try await manager.grpc.watchAudit(.with { $0.tenant = "acme" }, metadata: ManagerGRPCFixture.bearer(gus)) { response in
                    for try await _ in response.messages {}
                }
            }
            let rest = try await manager.rest.get("/v1/audit/stream?tenant=acme", token: gus)
            #expect(rest.status == 403)
            #expect(error?.code == .permissionDenied && Self.tetherError(error) == rest.errorCode)
        }
    }
}
