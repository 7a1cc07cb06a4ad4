#ifndef FUZZ_DRIVER_H
#define FUZZ_DRIVER_H

/// Runs libFuzzer's driver on LLVMFuzzerTestOneInput when the executable was linked with
/// -sanitize=fuzzer; returns -1 (and does nothing) otherwise.
int fuzz_run_libfuzzer(int *argc, char ***argv);

#endif
