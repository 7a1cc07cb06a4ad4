/// Why `tether bench link` could not measure.
enum LinkBenchError: Error, CustomStringConvertible {
    case missingTool(String)
    case failed(String)
    case timeout(String)

    var description: String {
        switch self {
        case .missingTool(let path): "\(path) not found: run Scripts/setup (openssh-server, openssh-client, openssl)"
        case .failed(let what): what
        case .timeout(let what): "timed out: \(what)"
        }
    }
}
