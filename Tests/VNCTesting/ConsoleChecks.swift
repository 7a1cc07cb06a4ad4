import Foundation

/// The acceptance checks every graphical-console path runs against the test VM: a capture
/// through the path matches a direct one, and keys typed through the path reach the VM.
public enum ConsoleChecks {
    /// Share of equal pixels required between the two captures (the blinking text cursor
    /// is 8x2 pixels of 720x400).
    public static let requiredEqualFraction = 0.999

    /// Waits until two direct captures agree (the VM has finished drawing), then captures
    /// through `viewerPort` and directly again, and compares the last two.
    public static func compareCaptures(vm: TestVM, viewerPort: Int, viewerPassword: String? = nil, directPassword: String?) async throws -> PNGComparison {
        let directory = vm.directory.path
        var previous = "\(directory)/direct-0.png"
        try await VNCViewerTool.capture(port: vm.vncPort, password: directPassword, to: previous)
        for attempt in 1...20 {
            let next = "\(directory)/direct-\(attempt).png"
            try await VNCViewerTool.capture(port: vm.vncPort, password: directPassword, to: next)
            if try await VNCViewerTool.compare(previous, next).equalFraction >= requiredEqualFraction { break }
            previous = next
        }
        let through = "\(directory)/through-\(UUID().uuidString.prefix(6)).png"
        let direct = "\(directory)/direct-after-\(UUID().uuidString.prefix(6)).png"
        try await VNCViewerTool.capture(port: viewerPort, password: viewerPassword, to: through)
        try await VNCViewerTool.capture(port: vm.vncPort, password: directPassword, to: direct)
        return try await VNCViewerTool.compare(direct, through)
    }

    /// Types `text` and Enter through `viewerPort` with vncdo, then captures through the
    /// same port until the screen shows more foreground pixels than before (bounded: 20
    /// captures). Returns the foreground pixel counts before and after.
    public static func typeThrough(viewerPort: Int, vm: TestVM, text: String = "echo hi") async throws -> (before: Int, after: Int) {
        let directory = vm.directory.path
        let beforePath = "\(directory)/before-typing.png"
        try await VNCViewerTool.capture(port: viewerPort, to: beforePath)
        let before = try await VNCViewerTool.compare(beforePath, beforePath).foreground
        let typed = try await VNCViewerTool.vncdo(port: viewerPort, ["type", text, "key", "enter"])
        guard typed.status == 0 else {
            throw ExternalProcess.Failure(description: "vncdo type through port \(viewerPort) failed: \(typed.output)")
        }
        var after = before
        for attempt in 0..<20 {
            let path = "\(directory)/after-typing-\(attempt).png"
            try await VNCViewerTool.capture(port: viewerPort, to: path)
            after = try await VNCViewerTool.compare(path, path).foreground
            // "echo hi", its output "hi" and a new prompt: well over 300 pixels of text.
            if after > before + 300 { break }
        }
        return (before, after)
    }
}
