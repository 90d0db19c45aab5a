/*
 * Compile-time checks of the stage ABI's layout on this platform: a change that moves a field breaks every plugin
 * already built, so the build fails here first. (SwiftPM builds this file as the `DatalintStageABI` target, which
 * also gives Swift code and the example plugins the header.)
 */
#include <stddef.h>

#include "datalint_stage.h"

#if defined(__x86_64__) || defined(__aarch64__)
_Static_assert(sizeof(datalint_record) == 24, "datalint_record's layout changed");
_Static_assert(offsetof(datalint_record, line) == 16, "datalint_record's layout changed");
_Static_assert(offsetof(datalint_diagnostic, line) == 8, "datalint_diagnostic's layout changed");
_Static_assert(offsetof(datalint_diagnostic, code) == 16, "datalint_diagnostic's layout changed");
_Static_assert(offsetof(datalint_diagnostic, replacement_length) == 72, "datalint_diagnostic's layout changed");
_Static_assert(offsetof(datalint_host, context) == 16, "datalint_host's layout changed");
_Static_assert(offsetof(datalint_host, fail) == 56, "datalint_host's layout changed");
_Static_assert(offsetof(datalint_stage_descriptor, name) == 16, "datalint_stage_descriptor's layout changed");
_Static_assert(offsetof(datalint_stage_descriptor, create) == 56, "datalint_stage_descriptor's layout changed");
_Static_assert(sizeof(datalint_stage_descriptor) == 88, "datalint_stage_descriptor's layout changed");
#endif
_Static_assert(sizeof(int32_t) == 4, "datalint_diagnostic's severity is 32 bits");
