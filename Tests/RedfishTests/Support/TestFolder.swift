import Foundation

/// A fresh temporary folder for one test's peer: certificates, configs, logs, mockups.
enum TestFolder {
    static func make(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redfish-tests-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
