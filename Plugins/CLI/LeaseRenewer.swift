import Foundation

/// Keeps a console WebSocket (or gRPC stream) alive past its session token: ahead of each
/// lease end the gateway announces (`{"type":"lease","expiresAt":N}`, gRPC `lease`), it buys a
/// fresh session token with the login and sends `{"type":"refresh","token":...}` (gRPC `renew`).
struct LeaseRenewer: Sendable {
    let renew: @Sendable () async throws -> String

    /// When to renew a lease ending at `expiresAt` (seconds since 1970): a minute before, or
    /// half-way for short leases (pure).
    static func renewalTime(expiresAt: Int64, now: Int64) -> Int64 {
        expiresAt - min(60, max(0, expiresAt - now) / 2)
    }

    /// Runs until `leases` ends; a failed renewal is reported and the session goes on until
    /// the gateway ends it.
    func run(_ leases: AsyncStream<Int64>, send: @Sendable (String) async throws -> Void, report: @Sendable (String) -> Void) async {
        await run(leases, sendToken: { token in
            let message = try JSONEncoder().encode(["type": "refresh", "token": token])
            try await send(String(decoding: message, as: UTF8.self))
        }, report: report)
    }

    /// The same, handing each fresh token to `sendToken` (the gRPC console's `renew {token}`).
    func run(_ leases: AsyncStream<Int64>, sendToken: @Sendable (String) async throws -> Void, report: @Sendable (String) -> Void) async {
        for await expiresAt in leases {
            let now = Int64(Date().timeIntervalSince1970)
            let wait = Self.renewalTime(expiresAt: expiresAt, now: now) - now
            do {
                if wait > 0 { try await Task.sleep(for: .seconds(wait)) }
                try await sendToken(try await renew())
            } catch is CancellationError {
                return
            } catch {
                report("could not renew the session (\(error)); the gateway ends it at the lease's end")
            }
        }
    }
}
