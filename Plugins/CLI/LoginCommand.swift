import ArgumentParser
import Foundation

/// `tether login`: a local password (`--user`) or OIDC through the browser (loopback
/// redirect); the login token is kept in `$XDG_STATE_HOME/tether/credentials.json` (0600).
public struct LoginCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in to the manager.",
        discussion: """
            With --user: a local account; the password is asked on the terminal without echo, or read \
            from standard input with --password-stdin. Without --user: single sign-on (OIDC) in your \
            browser; the CLI listens on 127.0.0.1 for the provider's redirect and prints the URL to \
            open (it also starts $BROWSER or xdg-open unless --no-browser). The login is kept in \
            $XDG_STATE_HOME/tether/credentials.json (mode 0600) and refreshed while you use it.

            \(ExitStatus.help)
            """)

    @Option(help: "The manager URL (TETHER_MANAGER, else the config file's \"manager\").")
    var manager: String?

    @Option(name: .shortAndLong, help: "Log in as this local user (password login).")
    var user: String?

    @Flag(help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    @Flag(help: "Do not start a browser for single sign-on; only print the URL.")
    var noBrowser = false

    @Option(help: "How long to wait for the browser to come back, in seconds.")
    var timeout: Int = 300

    @Option(name: [.customShort("o"), .long], help: "Output: table, json or yaml.")
    var output: OutputFormat = .table

    public init() {}

    public func run() async throws {
        try await runReportingErrors {
            let environment = ProcessInfo.processInfo.environment
            let store = CredentialStore(environment: environment)
            let file = CLIConfigFile.load(environment: environment)
            let managerURL = try LoginSession.managerURL(manager ?? environment["TETHER_MANAGER"] ?? file.manager ?? store.load()?.manager)
            let client = ManagerClient(base: managerURL, token: nil)
            let issued: ManagerReplies.IssuedToken
            let method: String
            if let user {
                guard !user.isEmpty else { throw CLIError.usage("--user needs a user name") }
                let password = try passwordStdin ? PasswordPrompt.readStandardInput() : PasswordPrompt.read(prompt: "Password for \(user)@\(managerURL.host ?? "manager"): ")
                issued = try await passwordLogin(client, user: user, password: password)
                method = "password"
            } else {
                guard !passwordStdin else { throw CLIError.usage("--password-stdin needs --user") }
                guard (10...3600).contains(timeout) else { throw CLIError.usage("--timeout must be 10...3600 seconds") }
                issued = try await OIDCLoopbackLogin(client: client, openBrowser: !noBrowser, timeout: .seconds(timeout)).run()
                method = "oidc"
            }
            let claims = LoginTokenClaims.decode(issued.token)
            let credentials = CredentialStore.Credentials(
                token: issued.token, manager: managerURL.absoluteString, expiresAt: Int64(issued.expiresAt.timeIntervalSince1970),
                user: claims?.name ?? user, subject: claims?.sub, method: method)
            try store.save(credentials)
            let shown = LoginIdentity(credentials)
            try OutputPrinter(format: output).print(shown) {
                [["Logged in to \(shown.manager) as \(shown.user) until \(shown.expiresAt)."]]
            }
        }
    }

    private func passwordLogin(_ client: ManagerClient, user: String, password: String) async throws -> ManagerReplies.IssuedToken {
        do {
            return try await client.call("POST", "v1/login", body: PasswordLoginBody(username: user, password: password), as: ManagerReplies.IssuedToken.self)
        } catch CLIError.authentication {
            throw CLIError.authentication("wrong user name or password for \(user): check them and run `tether login` again")
        }
    }
}
