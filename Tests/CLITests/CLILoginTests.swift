import Foundation
import KernelTesting
import LabTesting
import Testing

/// `tether login`, `whoami`, `logout` against a real manager process.
@Suite(.serialized) struct CLILoginTests {
    @Test func passwordLoginKeepsTheTokenPrivateAndWhoamiShowsIt() async throws {
        try await ControlPlane.with { plane in
            try await plane.login("oscar")
            let attributes = try FileManager.default.attributesOfItem(atPath: plane.credentialsFile.path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let folder = try FileManager.default.attributesOfItem(atPath: plane.credentialsFile.deletingLastPathComponent().path)
            #expect((folder[.posixPermissions] as? NSNumber)?.intValue == 0o700)
            let whoami = try await plane.tether(["whoami", "-o", "json"])
            #expect(whoami.status == 0, "\(whoami.standardError)")
            let shown = try JSONSerialization.jsonObject(with: Data(whoami.standardOutput.utf8)) as? [String: Any]
            #expect(shown?["user"] as? String == "oscar")
            #expect(shown?["method"] as? String == "password")
            #expect(shown?["manager"] as? String == plane.managerURL)
        }
    }

    @Test func wrongPasswordExits3AndStoresNothing() async throws {
        try await ControlPlane.with { plane in
            let result = try await plane.tether(["login", "--user", "oscar", "--password-stdin"], input: "wrong\n")
            #expect(result.status == 3)
            #expect(result.errorLines.count == 1 && result.standardError.contains("wrong user name or password"))
            #expect(!FileManager.default.fileExists(atPath: plane.credentialsFile.path))
        }
    }

    @Test func logoutForgetsTheLogin() async throws {
        try await ControlPlane.with { plane in
            try await plane.login("vera")
            let logout = try await plane.tether(["logout"])
            #expect(logout.status == 0)
            #expect(!FileManager.default.fileExists(atPath: plane.credentialsFile.path))
            #expect(try await plane.tether(["whoami"]).status == 3)
        }
    }

    @Test func aLoginAboutToExpireIsRefreshedBeforeUse() async throws {
        try await ControlPlane.with { plane in
            try await plane.login("oscar")
            var credentials = try JSONSerialization.jsonObject(with: Data(contentsOf: plane.credentialsFile)) as? [String: Any] ?? [:]
            let before = try #require(credentials["token"] as? String)
            let soon = Int(Date().timeIntervalSince1970) + 20
            credentials["expiresAt"] = soon
            try JSONSerialization.data(withJSONObject: credentials).write(to: plane.credentialsFile)
            let list = try await plane.tether(["server", "list", "-o", "json"])
            #expect(list.status == 0, "\(list.standardError)")
            let after = try JSONSerialization.jsonObject(with: Data(contentsOf: plane.credentialsFile)) as? [String: Any] ?? [:]
            #expect(after["token"] as? String != before)
            #expect((after["expiresAt"] as? Int ?? 0) > soon)
        }
    }

    @Test func singleSignOnThroughTheLoopbackRedirect() async throws {
        let provider = try await OIDCProviderProcess.start()
        defer { provider.stop() }
        try await ControlPlane.with(oidcIssuer: provider.issuer) { plane in
            let login = try await TetherProcess.start(["login", "--no-browser", "--timeout", "60"], environment: plane.environment)
            defer { login.stop() }
            // The CLI prints the URL to open on an indented line of its standard error.
            let authorize = try await login.waitForLog("authorization URL", timeout: .seconds(30)) { log in
                log.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix("http") }
            }
            #expect(authorize.hasPrefix(provider.issuer))
            // The user's browser: log in as alice at the provider, then follow its redirect to the CLI.
            let redirect = try Curl.redirect(postingForm: "sub=alice", to: authorize)
            #expect(redirect.hasPrefix("http://127.0.0.1:") && redirect.contains("/callback?"))
            let page = try Curl.get(redirect)
            #expect(page.contains("Logged in to Tether"))
            let status = await login.exitStatus(timeout: .seconds(30))
            #expect(status == 0, "\(login.output)")
            let whoami = try await plane.tether(["whoami", "-o", "json"])
            let shown = try JSONSerialization.jsonObject(with: Data(whoami.standardOutput.utf8)) as? [String: Any]
            #expect(shown?["method"] as? String == "oidc")
            #expect((shown?["user"] as? String)?.isEmpty == false)
            let list = try await plane.tether(["server", "list", "-o", "json"])
            #expect(list.standardOutput.contains("lab-01"), "alice (bmc-admins) sees acme's server")
        }
    }
}
