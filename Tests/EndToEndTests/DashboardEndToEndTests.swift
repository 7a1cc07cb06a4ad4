import Foundation
import Kernel
import KernelTesting
import Testing

extension EndToEndTests {
    static let dashboardArtefacts = Lab.repository.appendingPathComponent(".build/artefacts/dashboard")

    /// Chromium, its driver, Selenium in the venv and the xterm.js bundle for the gateway's web console.
    static var browserIsAvailable: Bool {
        ["/usr/bin/chromium", "/usr/bin/chromedriver", BrowserStep.python, "/var/cache/tether-lab/xterm/xterm.bundle.js", "/usr/share/novnc/core/rfb.js"]
            .allSatisfy { FileManager.default.isReadableFile(atPath: $0) }
    }

    /// The manager's dashboard in headless Chromium against real manager, gateway and agent
    /// processes and the lab: a wrong password shows an error; the superadmin sees both lab
    /// servers online with their gateway and agent, filters them, sees the gateway and the
    /// agent (online, version) and the audit log, opens lab-01's serial console through the
    /// gateway with one click, signs out; the tenant admin of `lab` sees only lab-01 and
    /// cannot open lab-02's console; a tenant viewer is refused.
    @Test(.enabled(if: EndToEndTests.browserIsAvailable, "needs chromium, chromium-driver, selenium in /opt/tether-venv, the xterm bundle (Scripts/setup)"))
    func dashboardInARealBrowser() async throws {
        try FileManager.default.createDirectory(at: Self.dashboardArtefacts, withIntermediateDirectories: true)
        print("dashboard screenshots: \(Self.dashboardArtefacts.path)")
        let deployment = try Deployment(lab: try Lab.required())
        defer { deployment.remove() }
        let gateway = Deployment.gateway("gw-1")
        let ports = Deployment.DashboardPorts()
        let manager = try await deployment.startDashboardManager(gateway: gateway, ports: ports)
        defer { manager.stop() }
        let gatewayProcess = try await deployment.startDashboardGateway(gateway, ports: ports)
        defer { gatewayProcess.stop() }
        let agent = try await deployment.startAgent("agent-1", gateway: gateway, servers: ["lab-01", "lab-02"])
        defer { agent.stop() }

        let superadmin = try BrowserStep.run("superadmin", [
            "dashboard": ports.dashboardURL, "out": Self.dashboardArtefacts.path, "user": "admin", "password": deployment.adminPassword,
            "servers": ["lab-01", "lab-02"], "gateway": "gw-1", "agent": "agent-1", "agentVersion": TetherVersion.current, "filterTenant": "acme", "filterTenantServers": ["lab-02"], "auditPageSize": 3,
        ])
        #expect(superadmin.passed, "\(superadmin.failures)")
        let tenantAdmin = try BrowserStep.run("tenant-admin", [
            "dashboard": ports.dashboardURL, "out": Self.dashboardArtefacts.path, "user": "tina", "password": deployment.tenantAdminPassword,
            "servers": ["lab-01"], "hidden": ["lab-02"], "refused": ["vera", deployment.viewerPassword],
        ])
        #expect(tenantAdmin.passed, "\(tenantAdmin.failures)")
    }
}
