import Foundation

/// Throw-away credentials in the bench's temporary folder: a CA and a server certificate for
/// 127.0.0.1 (the link's TLS, made with the `openssl` CLI), and ed25519 keys for sshd's host
/// and the ssh client.
struct LinkBenchCredentials {
    let folder: URL
    var caCertificate: String { path("ca.pem") }
    var serverCertificate: String { path("server.pem") }
    var serverKey: String { path("server.key") }
    var sshHostKey: String { path("ssh_host_key") }
    var sshClientKey: String { path("ssh_client_key") }
    var sshAuthorizedKeys: String { path("authorized_keys") }

    static func make(in folder: URL) throws -> LinkBenchCredentials {
        let credentials = LinkBenchCredentials(folder: folder)
        try "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n"
            .write(to: folder.appendingPathComponent("server.ext"), atomically: true, encoding: .utf8)
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try run("/usr/bin/openssl", ["req", "-x509"] + ec + ["-keyout", "ca.key", "-out", "ca.pem", "-days", "1", "-subj", "/CN=tether bench CA"], in: folder)
        try run("/usr/bin/openssl", ["req"] + ec + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"], in: folder)
        try run("/usr/bin/openssl", [
            "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.pem", "-days", "1", "-extfile", "server.ext",
        ], in: folder)
        for key in ["ssh_host_key", "ssh_client_key"] {
            try run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "tether-bench", "-f", key], in: folder)
        }
        try FileManager.default.copyItem(atPath: credentials.sshClientKey + ".pub", toPath: credentials.sshAuthorizedKeys)
        return credentials
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private static func run(_ tool: String, _ arguments: [String], in folder: URL) throws {
        guard FileManager.default.isExecutableFile(atPath: tool) else { throw LinkBenchError.missingTool(tool) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw LinkBenchError.failed("\(tool) \(arguments.prefix(2).joined(separator: " ")) failed: \(String(decoding: output, as: UTF8.self))")
        }
    }
}
