import Contracts
import Hummingbird
import Kernel

/// The page routes: `/view/{session}?code=` redeems a viewer code and sets the session
/// cookie; `/view/{session}` is the console of the session's type, `/view/{session}/server`
/// the server page; `/static/`, `/xterm/` serve the scripts (noVNC is under `/novnc/`).
struct ViewerRoutes: Sendable {
    let bus: Bus
    let timeout: Duration
    let gatewayWebSocketURL: String
    let assets: WebAssets

    func register(on router: Router<BasicRequestContext>) {
        router.get("healthz") { _, _ in Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "ok"))) }
        router.get("favicon.ico") { _, _ in Response(status: .noContent) }
        router.get("view/:session") { request, context in try await self.view(request, context) }
        router.get("view/:session/server") { request, context in
            let session = try await self.session(request, context)
            return Pages.html(Pages.server(session, gateway: self.gatewayWebSocketURL))
        }
        ViewerAPI(bus: bus, timeout: timeout).register(on: router)
        let files: [(String, String, [UInt8])] = [
            ("static/common.js", "text/javascript; charset=utf-8", Array(CommonScript.source.utf8)),
            ("static/serial.js", "text/javascript; charset=utf-8", Array(SerialScript.source.utf8)),
            ("static/vnc.mjs", "text/javascript; charset=utf-8", Array(GraphicalScript.source.utf8)),
            ("static/server.js", "text/javascript; charset=utf-8", Array(ServerScript.source.utf8)),
            ("static/tether.css", "text/css; charset=utf-8", Array(StyleSheet.source.utf8)),
            ("xterm/xterm.bundle.js", "text/javascript; charset=utf-8", assets.xtermScript),
            ("xterm/xterm.css", "text/css; charset=utf-8", assets.xtermStyle),
        ]
        for (path, type, bytes) in files {
            router.get(RouterPath(path)) { _, _ in
                Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=300"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
            }
        }
    }

    /// With `?code=`: redeems it, sets the cookie, 303 to the page without the code (so the
    /// code is not left in the history). Without: the console page.
    func view(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.require("session")
        guard let code = request.uri.queryParameters["code"].map(String.init) else {
            let session = try await session(request, context)
            return Pages.html(
                session.kind == .serial
                    ? Pages.serialConsole(session, gateway: gatewayWebSocketURL) : Pages.graphicalConsole(session, gateway: gatewayWebSocketURL))
        }
        do {
            _ = try await bus.ask(Session.Redeem(session: id, code: code), timeout: timeout)
        } catch BusError.remote("unauthenticated", let message) {
            throw PageError.sessionGone(message)
        } catch {
            throw PageError(status: .serviceUnavailable, code: "unavailable", message: "the viewer link cannot be checked right now (\(error)); retry shortly")
        }
        return Response(
            status: .seeOther,
            headers: [.location: "/view/\(id)", .setCookie: ViewerSession.setCookie(id), .cacheControl: "no-store"])
    }

    func session(_ request: Request, _ context: BasicRequestContext) async throws -> ViewerSession {
        try await ViewerSession.resolve(request, id: try context.parameters.require("session"), bus: bus, timeout: timeout)
    }
}
