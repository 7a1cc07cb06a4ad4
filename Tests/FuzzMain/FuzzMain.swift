import Foundation
import FuzzDriver

/// The `main` of a libFuzzer target (Tests/IPMISOLFuzz, Tests/RedfishFuzz): built by
/// `Scripts/fuzz TARGET` (-sanitize=fuzzer,address) it hands control to libFuzzer's driver;
/// built normally (as `swift build` does) it replays the input files given as arguments, so
/// `TARGET .build-fuzz/crashes/TARGET/crash-*` reproduces a crash in a debug build.
public enum FuzzMain {
    /// Runs `target` on every input libFuzzer generates, or on each file named in the
    /// arguments when libFuzzer is not linked in. Exits the process.
    public static func run(_ target: @escaping @Sendable (Data) -> Void) -> Never {
        fuzzTarget = target
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = fuzz_run_libfuzzer(&argc, &argv)
        guard status < 0 else { exit(status) }

        var replayed = 0
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(2)
            }
            target(data)
            replayed += 1
        }
        print("replayed \(replayed) input(s) without a crash (not linked with libFuzzer)")
        exit(0)
    }
}

/// Set once by ``FuzzMain/run(_:)`` before libFuzzer starts calling in (from one thread).
nonisolated(unsafe) private var fuzzTarget: (@Sendable (Data) -> Void)?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else {
        fuzzTarget?(Data())
        return 0
    }
    fuzzTarget?(Data(bytes: data, count: size))
    return 0
}
