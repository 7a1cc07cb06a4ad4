import Foundation
import LabTesting
import Testing

/// `tether --generate-completion-script bash|zsh|fish`, and bash completing with it.
@Suite struct CompletionScriptTests {
    @Test(arguments: ["bash", "zsh", "fish"]) func scriptNamesTheCommands(shell: String) async throws {
        let result = try await CLIBinary.run(["--generate-completion-script", shell], environment: [:])
        #expect(result.status == 0, "\(result.standardError)")
        for word in ["login", "logout", "whoami", "server", "console", "list", "log"] {
            #expect(result.standardOutput.contains(word), "\(shell) completion lacks \(word)")
        }
    }

    /// Sources the script in a real bash and asks it to complete `tether server l` and `tether lo`.
    @Test func bashCompletesSubcommands() async throws {
        let script = try await CLIBinary.run(["--generate-completion-script", "bash"], environment: [:]).standardOutput
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tether-completion-\(UUID().uuidString.prefix(8)).bash")
        try script.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        func complete(_ line: String) throws -> Set<String> {
            let words = line.split(separator: " ", omittingEmptySubsequences: false).map { "'\($0)'" }.joined(separator: " ")
            let program = """
                shopt -s extglob; source '\(file.path)'
                COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(\(words)); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
                _tether; printf '%s\\n' "${COMPREPLY[@]}"
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["--norc", "--noprofile", "-c", program]
            process.environment = ["PATH": CLIBinary.url.deletingLastPathComponent().path + ":/usr/bin:/bin"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
        }
        #expect(try complete("tether server l").isSuperset(of: ["list", "log"]))
        #expect(try complete("tether lo").isSuperset(of: ["login", "logout"]))
    }
}
