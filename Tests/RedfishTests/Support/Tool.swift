import Foundation

/// Runs a short helper command to completion (bounded by the tool itself).
enum Tool {
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], input: String? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : pipe
        try process.run()
        if let input {
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try pipe.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The Python venv with sushy-tools (`Scripts/setup` makes it).
    static var venv: String { ProcessInfo.processInfo.environment["TETHER_VENV"] ?? "/opt/tether-venv" }
}
