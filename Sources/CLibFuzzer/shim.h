// libFuzzer's entry for a program with its own main (the runtime comes with -sanitize=fuzzer).
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
