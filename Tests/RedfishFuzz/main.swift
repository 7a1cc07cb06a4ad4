import Foundation
import RedfishFuzzDriver

// The libFuzzer target for the Redfish decoding (`FuzzDecoding.run`).
//
// Built by `Scripts/fuzz RedfishFuzz` (-sanitize=fuzzer,address), this hands control to
// libFuzzer's driver; the corpus starts from the Redfish shapes in Seeds/. Built normally (as
// `swift build` does), it replays the input files given as arguments:
// `RedfishFuzz .build-fuzz/crashes/RedfishFuzz/crash-*` reproduces a crash in a debug build.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else {
        FuzzDecoding.run(Data())
        return 0
    }
    FuzzDecoding.run(Data(bytes: data, count: size))
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
let status = redfish_run_libfuzzer(&argc, &argv)
guard status < 0 else { exit(status) }

var replayed = 0
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(2)
    }
    FuzzDecoding.run(data)
    replayed += 1
}
print("replayed \(replayed) input(s) without a crash (not linked with libFuzzer)")
