import Foundation

/// curl as the user's browser (loopback only).
enum Curl {
    /// POSTs a form and returns the redirect it answers with (not followed).
    static func redirect(postingForm form: String, to url: String) throws -> String {
        let location = try run(["-s", "-o", "/dev/null", "-w", "%{redirect_url}", "--max-time", "20", "-d", form, url])
        guard !location.isEmpty else { throw CLITestError("no redirect from \(url)") }
        return location
    }

    static func get(_ url: String) throws -> String {
        try run(["-s", "--max-time", "20", url])
    }

    private static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
