import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An OpenSSH reverse tunnel on 127.0.0.1, the classic way to reach a box behind NAT: our own
/// `sshd` (a config, host key and authorized_keys in the bench's temporary folder; never the
/// system's service or config) on the gateway side, and `ssh -N -R` from the agent side, so
/// connections to `forwardedPort` on the gateway side reach `targetPort` on the agent side.
struct LinkBenchSSHTunnel {
    static let sshd = "/usr/sbin/sshd"
    static let ssh = "/usr/bin/ssh"

    let forwardedPort: Int
    /// The cipher ssh negotiated (from its `-v` log), or "?".
    let cipher: String
    let sshdPID: Int32
    let sshPID: Int32

    /// Starts sshd and ssh as children registered in `children`; returns once the forward
    /// carries a connection to the target.
    static func start(
        folder: URL, credentials: LinkBenchCredentials, targetPort: Int, children: LinkBenchChildren, deadline: ContinuousClock.Instant
    ) async throws -> LinkBenchSSHTunnel {
        for tool in [sshd, ssh] where !FileManager.default.isExecutableFile(atPath: tool) { throw LinkBenchError.missingTool(tool) }
        let user = try currentUser()
        try ensurePrivilegeSeparationDirectory()
        let sshdPort = try VNCBenchChain.freePort(), forwardedPort = try VNCBenchChain.freePort()
        let config = folder.appendingPathComponent("sshd_config")
        try """
            ListenAddress 127.0.0.1:\(sshdPort)
            HostKey \(credentials.sshHostKey)
            PidFile none
            AuthorizedKeysFile \(credentials.sshAuthorizedKeys)
            AllowUsers \(user)
            AuthenticationMethods publickey
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            StrictModes no
            PermitRootLogin prohibit-password
            AllowTcpForwarding remote
            PermitListen 127.0.0.1:\(forwardedPort)
            AllowAgentForwarding no
            X11Forwarding no
            PermitTTY no
            UseDNS no

            """.write(to: config, atomically: true, encoding: .utf8)
        let server = try LinkBenchChild(
            "sshd", executable: sshd, arguments: ["-D", "-e", "-f", config.path], log: folder.appendingPathComponent("sshd.log"))
        children.add(server)
        try await waitUntil("sshd listening on 127.0.0.1:\(sshdPort)", deadline: deadline, child: server) {
            server.logTail.contains("Server listening on")
        }

        let clientConfig = folder.appendingPathComponent("ssh_config")
        try "".write(to: clientConfig, atomically: true, encoding: .utf8)
        let client = try LinkBenchChild(
            "ssh", executable: ssh,
            arguments: [
                "-F", clientConfig.path, "-N", "-T", "-v", "-i", credentials.sshClientKey, "-p", "\(sshdPort)",
                "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=\(folder.appendingPathComponent("known_hosts").path)",
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "UpdateHostKeys=no", "-o", "ControlMaster=no", "-o", "ControlPath=none",
                "-o", "ExitOnForwardFailure=yes",
                "-R", "127.0.0.1:\(forwardedPort):127.0.0.1:\(targetPort)", "\(user)@127.0.0.1",
            ],
            log: folder.appendingPathComponent("ssh.log"))
        children.add(client)
        let probe = LinkBenchTCPClient(port: forwardedPort, deadline: deadline)
        try await waitUntil("ssh -R forwarding 127.0.0.1:\(forwardedPort) to 127.0.0.1:\(targetPort)", deadline: deadline, child: client) {
            await probe.reachesEndpoint()
        }
        return LinkBenchSSHTunnel(forwardedPort: forwardedPort, cipher: cipher(inLog: client.logText), sshdPID: server.pid, sshPID: client.pid)
    }

    /// "kex: server->client cipher: chacha20-poly1305@openssh.com MAC: <implicit> ..." in `ssh -v`'s log.
    static func cipher(inLog log: String) -> String {
        guard let range = log.range(of: "server->client cipher: ") else { return "?" }
        return String(log[range.upperBound...].prefix { !$0.isWhitespace })
    }

    /// The user sshd lets in: the one it runs as (only root can log in anyone else).
    private static func currentUser() throws -> String {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else {
            throw LinkBenchError.failed("cannot name the current user (uid \(geteuid())) for sshd's AllowUsers")
        }
        return String(cString: name)
    }

    /// sshd started as root insists on its (empty) privilege separation directory, which
    /// Debian's service unit creates at boot of the service; created here if absent.
    private static func ensurePrivilegeSeparationDirectory() throws {
        guard geteuid() == 0 else { return }
        let path = "/run/sshd"
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw LinkBenchError.failed("sshd (as root) needs \(path) and it cannot be created: errno \(errno)")
        }
    }

    /// Polls `condition` every 25 ms until `deadline` or at most 20 s; fails early when the child exits.
    private static func waitUntil(
        _ what: String, deadline: ContinuousClock.Instant, child: LinkBenchChild, _ condition: () async -> Bool
    ) async throws {
        let limit = min(deadline, ContinuousClock.now + .seconds(20))
        for _ in 0..<800 where ContinuousClock.now < limit {
            if await condition() { return }
            guard child.isRunning else { throw LinkBenchError.failed("\(child.name) exited before \(what); its log:\n\(child.logTail)") }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw LinkBenchError.timeout("\(what); \(child.name)'s log:\n\(child.logTail)")
    }
}
