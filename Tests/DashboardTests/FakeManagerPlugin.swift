import Auth
import Foundation
import Kernel

/// Stands in for the manager's `auth`: tina (password `right`) administers tenant lab, vera
/// (password `right`) only views it. Counts the logins it was asked for.
actor FakeManagerPlugin: Plugin {
    static let id: PluginID = "fake-manager"
    static let logins = Counter()

    struct Refusal: CodedError {
        let code: String
        let message: String
    }

    init(config: NoConfig, context: PluginContext) {}

    nonisolated func routes(_ routes: inout Routes) {
        routes.answer(Manager.Login.self) { request, _ in
            await Self.logins.increment()
            guard ["tina", "vera"].contains(request.username), request.password == "right" else {
                throw Refusal(code: "invalid-credentials", message: "wrong user name or password")
            }
            return Manager.IssuedToken(token: "eyJ.login-token-of-\(request.username).sig", expiresAt: Date().addingTimeInterval(900), kind: .login)
        }
        routes.answer(Manager.Authenticate.self) { request, _ in
            let name = request.loginToken.contains("tina") ? "tina" : "vera"
            return Manager.Authenticate.Reply(userID: "u-\(name)", name: name, superadmin: false, roles: ["lab": name == "tina" ? .admin : .viewer])
        }
        routes.answer(Manager.ListServers.self) { request, _ in
            guard request.loginToken.contains("tina") else { throw Refusal(code: "invalid-token", message: "token refused") }
            let json = #"{"servers":[{"id":"lab-01","tenant":"lab","gateway":"gw-1","capabilities":["ipmi"],"actions":["console","view"],"online":true}]}"#
            return try JSONDecoder().decode(Manager.ListServers.Reply.self, from: Data(json.utf8))
        }
    }
}

actor Counter {
    private(set) var value = 0
    func increment() { value += 1 }
}
