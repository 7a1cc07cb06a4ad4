#include <stddef.h>
#include <stdint.h>
#include "FuzzDriver.h"

// SwiftPM names an executable's entry point itself, so libFuzzer's own main() is not used.
// Its driver, the C++ function fuzzer::FuzzerDriver, is called instead. It is a weak
// reference: present when -sanitize=fuzzer linked the libFuzzer runtime, NULL otherwise.
typedef int (*fuzz_test_one_input)(const uint8_t *data, size_t size);
extern int _ZN6fuzzer12FuzzerDriverEPiPPPcPFiPKhmE(int *argc, char ***argv, fuzz_test_one_input callback)
    __attribute__((weak));
extern int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int fuzz_run_libfuzzer(int *argc, char ***argv) {
    if (!_ZN6fuzzer12FuzzerDriverEPiPPPcPFiPKhmE) {
        return -1;
    }
    return _ZN6fuzzer12FuzzerDriverEPiPPPcPFiPKhmE(argc, argv, LLVMFuzzerTestOneInput);
}
