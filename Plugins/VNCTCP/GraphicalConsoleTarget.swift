/// One configured server: how to reach its BMC's VNC server and where its password is.
public struct GraphicalConsoleTarget: Sendable {
    public let transport: any GraphicalConsoleTransport
    public let password: VNCPasswordSource

    public init(transport: any GraphicalConsoleTransport, password: VNCPasswordSource) {
        self.transport = transport
        self.password = password
    }
}
