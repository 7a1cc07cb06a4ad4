import Foundation
import Testing

@testable import CLI

/// The pure parts of login: the loopback callback, when to refresh, the token's display claims, error mapping.
@Suite struct LoginLogicTests {
    @Test func loopbackCallbackTakesTheCodeOnlyWithItsState() {
        let head = "GET /callback?code=abc&state=s1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        #expect(LoopbackCallback.interpret(head, expectedState: "s1") == .code("abc"))
        #expect(LoopbackCallback.interpret(head, expectedState: "other") == .ignored(status: 400, reason: "this is not the login this CLI started (state does not match)"))
        #expect(LoopbackCallback.interpret("GET /favicon.ico HTTP/1.1\r\n\r\n", expectedState: "s1") == .ignored(status: 404, reason: "not the login callback"))
        #expect(LoopbackCallback.interpret("POST /callback?code=a&state=s1 HTTP/1.1\r\n\r\n", expectedState: "s1") == .ignored(status: 400, reason: "not an HTTP GET"))
        #expect(LoopbackCallback.interpret("GET /callback?error=access_denied&state=s1 HTTP/1.1\r\n\r\n", expectedState: "s1") == .refused("access_denied"))
        #expect(LoopbackCallback.interpret("", expectedState: "s1") == .ignored(status: 400, reason: "not an HTTP GET"))
        #expect(LoopbackCallback.code("x").response.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(!LoopbackCallback.refused("<script>").response.contains("<script>"))
    }

    @Test func freshnessRefreshesInTheLastMinuteAndExpiresAtTheEnd() {
        #expect(LoginFreshness.of(expiresAt: 1000, now: 900) == .fresh)
        #expect(LoginFreshness.of(expiresAt: 1000, now: 950) == .refresh)
        #expect(LoginFreshness.of(expiresAt: 1000, now: 1000) == .expired)
        #expect(LoginFreshness.of(expiresAt: nil, now: 1000) == .fresh)
    }

    @Test func consoleLeasesAreRenewedAMinuteBeforeTheirEnd() {
        #expect(LeaseRenewer.renewalTime(expiresAt: 1300, now: 1000) == 1240)
        #expect(LeaseRenewer.renewalTime(expiresAt: 1040, now: 1000) == 1020)
        #expect(LeaseRenewer.renewalTime(expiresAt: 900, now: 1000) == 900)
    }

    @Test func loginClaimsAreReadFromTheTokenPayload() {
        let payload = Data(#"{"sub":"local-1","name":"ann","exp":1700000000,"typ":"login"}"#.utf8).base64EncodedString()
            .replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        #expect(LoginTokenClaims.decode("eyJhbGciOiJFUzI1NiJ9.\(payload).sig") == LoginTokenClaims(sub: "local-1", name: "ann", exp: 1_700_000_000, typ: "login"))
        #expect(LoginTokenClaims.decode("not a token") == nil)
        #expect(LoginTokenClaims.decode("a.!!!.c") == nil)
    }

    @Test func eachFailureHasItsOwnExitCodeAndOneLine() {
        #expect(CLIError.fromManager(status: 404, code: "not-found", message: "server x not found").exitCode == ExitStatus.deniedOrNotFound)
        #expect(CLIError.fromManager(status: 403, code: "denied", message: "denied: no").exitCode == ExitStatus.denied)
        #expect(CLIError.fromManager(status: 401, code: "invalid-token", message: "token refused").exitCode == ExitStatus.authentication)
        #expect(CLIError.fromGateway(status: 503, code: "agent-offline", message: "down").exitCode == ExitStatus.unreachable)
        #expect(CLIError.fromGateway(status: 403, code: "denied", message: "no").exitCode == ExitStatus.denied)
        #expect(!CLIError.failure("two\nlines").description.contains("\n"))
    }
}
