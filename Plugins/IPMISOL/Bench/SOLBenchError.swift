/// Why `tether bench sol` could not measure.
public enum SOLBenchError: Error, CustomStringConvertible {
    /// A program the benchmark starts is not installed.
    case missingTool(String)
    /// A bounded wait ran out.
    case timeout(String)
    /// Something the benchmark set up did not work.
    case failed(String)

    public var description: String {
        switch self {
        case .missingTool(let what): "\(what) is not installed (apt-get install openipmi ipmitool, or run Scripts/setup)"
        case .timeout(let what): "timed out waiting for \(what)"
        case .failed(let what): what
        }
    }
}
