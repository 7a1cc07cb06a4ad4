import Foundation

/// Runs the real `ipmitool -I lanplus -C 3` against the lab for comparisons.
enum IPMITool {
    struct Failure: Error, CustomStringConvertible {
        var arguments: [String]
        var status: Int32
        var output: String
        var description: String { "ipmitool \(arguments.joined(separator: " ")) exited \(status): \(output)" }
    }

    static func run(
        port: Int, user: String = "admin", password: String = "password", _ arguments: [String]
    ) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: IPMISimulatorLab.ipmitoolPath)
        process.arguments = ["-I", "lanplus", "-C", "3", "-H", "127.0.0.1", "-p", "\(port)", "-U", user, "-P", password,
                             "-N", "1", "-R", "3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(arguments: arguments, status: process.terminationStatus, output: output)
        }
        return output
    }

    /// "Key : value" lines of ipmitool's output as a dictionary (trimmed).
    static func fields(_ output: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if result[key] == nil { result[key] = value }
        }
        return result
    }
}
