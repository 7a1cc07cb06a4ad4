import Hummingbird

/// The server-rendered pages. No inline script or style: behaviour comes from `/static/*.js`
/// and the few facts a script needs travel in `data-` attributes (never a secret).
enum Pages {
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The common frame: head with the style sheet, a top bar with the server's name, the
    /// connection state and links between the session's pages.
    static func frame(
        title: String, session: ViewerSession?, page: String, gateway: String, head: String = "", main: String, scripts: [String]
    ) -> String {
        let server = session.map { HTML.escape($0.server) } ?? ""
        let data = session.map {
            " data-server=\"\(HTML.escape($0.server))\" data-session=\"\(HTML.escape($0.id))\" data-kind=\"\($0.kind.rawValue)\" data-gateway=\"\(HTML.escape(gateway))\" data-page=\"\(page)\""
        } ?? ""
        var nav = ""
        if let session {
            let base = "/view/\(HTML.escape(session.id))"
            let consoleName = session.kind == .serial ? "Serial console" : "Graphical console"
            nav = """
                <nav><a href="\(base)"\(page == "console" ? " aria-current=\"page\"" : "")>\(consoleName)</a> \
                <a href="\(base)/server"\(page == "server" ? " aria-current=\"page\"" : "")>Server</a></nav>
                """
        }
        let status = """

            <span id="state" class="state" data-state="connecting" role="status">Connecting…</span>
            <button id="reconnect" type="button" hidden>Reconnect</button>
            """
        let scriptTags = scripts.map { $0.hasSuffix(".mjs") ? "<script type=\"module\" src=\"\($0)\"></script>" : "<script src=\"\($0)\" defer></script>" }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title))</title>
            <link rel="stylesheet" href="/static/tether.css">\(head)
            \(scriptTags.joined(separator: "\n"))
            </head><body\(data)>
            <header><strong class="brand">Tether</strong> <span class="server">\(server)</span> \(nav)\(session == nil ? "" : status)</header>
            <main>\(main)</main>
            </body></html>
            """
    }

    static func serialConsole(_ session: ViewerSession, gateway: String) -> String {
        frame(
            title: "\(session.server): serial console", session: session, page: "console", gateway: gateway,
            head: "\n<link rel=\"stylesheet\" href=\"/xterm/xterm.css\">",
            main: "<p id=\"notice\" class=\"notice\" hidden></p><div id=\"terminal\" class=\"terminal\"></div>",
            scripts: ["/xterm/xterm.bundle.js", "/static/common.js", "/static/serial.js"])
    }

    static func graphicalConsole(_ session: ViewerSession, gateway: String) -> String {
        frame(
            title: "\(session.server): graphical console", session: session, page: "console", gateway: gateway,
            main: "<p id=\"notice\" class=\"notice\" hidden></p><div id=\"screen\" class=\"screen\"></div>",
            scripts: ["/static/common.js", "/static/vnc.mjs"])
    }

    static func server(_ session: ViewerSession, gateway: String) -> String {
        let main = """
            <section class="card"><h2>Power</h2>
            <p>Chassis power: <strong id="power" data-power="unknown">…</strong></p>
            <p class="buttons">
            <button type="button" data-action="on">Power on</button>
            <button type="button" data-action="off">Power off</button>
            <button type="button" data-action="reset">Reset</button>
            <button type="button" data-action="cycle">Power cycle</button></p>
            <div id="confirm" class="confirm" hidden role="alertdialog" aria-labelledby="confirm-text">
            <p id="confirm-text"></p><button type="button" id="confirm-yes">Yes, do it</button> <button type="button" id="confirm-no">Cancel</button></div>
            <p id="power-result" class="result" role="status"></p></section>
            <section class="card"><h2>BMC</h2><dl id="bmc"><dt>BMC</dt><dd>…</dd></dl></section>
            <section class="card"><h2>Boot</h2><dl id="boot"><dt>Boot device</dt><dd>…</dd></dl>
            <h3>Boot progress and events</h3><ol id="events" class="events"><li>…</li></ol></section>
            <section class="card"><h2>Connected</h2><ul id="sessions"><li>…</li></ul></section>
            """
        return frame(
            title: "\(session.server): server", session: session, page: "server", gateway: gateway, main: main,
            scripts: ["/static/common.js", "/static/server.js"])
    }

    static func error(title: String, message: String) -> String {
        frame(
            title: title, session: nil, page: "error", gateway: "",
            main: "<section class=\"card\"><h2>\(HTML.escape(title))</h2><p id=\"message\">\(HTML.escape(message))</p></section>", scripts: [])
    }
}
