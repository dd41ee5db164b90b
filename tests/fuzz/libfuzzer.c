/* libfuzzer.c: libFuzzer's entry point for one fuzz target (fuzz.h),
 * chosen when built: cc -DFUZZ_TARGET=fuzz_ircc ... (see "make fuzz"). */
#include "fuzz.h"

#ifndef FUZZ_TARGET
#error "build with -DFUZZ_TARGET=fuzz_NAME"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	return FUZZ_TARGET(data, len);
}
