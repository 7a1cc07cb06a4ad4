import ArgumentParser
import Foundation

/// `tether server vnc ID [--listen 127.0.0.1:5901]`: the graphical console for any VNC viewer.
struct ServerVNCCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vnc",
        abstract: "Open a server's graphical console (VNC).",
        discussion: """
            With --listen a local VNC port is opened (loopback unless a host is given): each viewer \
            that connects gets its own session through the gateway, already logged in to the BMC \
            (no VNC password). Without it the gateway makes a one-time browser link (valid for a \
            minute), which is printed and opened when there is a browser.
            """)

    @Argument(help: "The server.")
    var server: String

    @Option(help: "Where VNC viewers connect: PORT or HOST:PORT (default host 127.0.0.1).")
    var listen: String?

    @OptionGroup var options: CLIOptions

    func run() async throws {
        try await runReportingErrors {
            let settings = try await options.resolved(server: server, actions: ["vnc"])
            let client = GatewayClient(base: settings.gateway, token: settings.token)
            guard let listen else { return try await ViewerLink.open("vnc", server: server, client: client) }
            let (host, port) = try Self.address(listen)
            let forwarder = VNCPortForwarder(url: client.webSocketURL("v1/servers/\(server)/console/vnc"), token: settings.token, server: server)
            try await forwarder.run(host: host, port: port)
        }
    }

    /// `PORT`, `HOST:PORT` or `[IPv6]:PORT`.
    static func address(_ text: String) throws -> (host: String, port: Int) {
        var host = "127.0.0.1"
        var portText = Substring(text)
        if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, let port = Int(portText), (0...65535).contains(port) else {
            throw CLIError.usage("--listen takes PORT or HOST:PORT (127.0.0.1:5901), got \(text)")
        }
        return (host, port)
    }
}
