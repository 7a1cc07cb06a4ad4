import Foundation
import IPMISOL
import IPMISOLFuzzDriver

// The libFuzzer target for every parser of BMC input (`IPMIPacketFuzzing.parse`).
//
// Built by `Scripts/fuzz IPMISOLFuzz` (-sanitize=fuzzer,address), this hands control to
// libFuzzer's driver. Built normally (as `swift build` does), it replays the input files
// given as arguments: `IPMISOLFuzz .build-fuzz/crashes/IPMISOLFuzz/crash-*` reproduces a
// crash in a debug build.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else {
        IPMIPacketFuzzing.parse([])
        return 0
    }
    IPMIPacketFuzzing.parse(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
let status = ipmisol_run_libfuzzer(&argc, &argv)
guard status < 0 else { exit(status) }

var replayed = 0
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(2)
    }
    IPMIPacketFuzzing.parse(Array(data))
    replayed += 1
}
print("replayed \(replayed) input(s) without a crash (not linked with libFuzzer)")
