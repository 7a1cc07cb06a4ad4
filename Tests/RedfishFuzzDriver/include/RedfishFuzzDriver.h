#ifndef REDFISH_FUZZ_DRIVER_H
#define REDFISH_FUZZ_DRIVER_H

/// Runs libFuzzer's driver on LLVMFuzzerTestOneInput when the executable was linked with
/// -sanitize=fuzzer; returns -1 (and does nothing) otherwise.
int redfish_run_libfuzzer(int *argc, char ***argv);

#endif
