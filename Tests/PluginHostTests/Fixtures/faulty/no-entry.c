/*
 * Faulty stage plugin for the plugin host's tests: a shared library without the `datalint_stage_entry` symbol. It
 * exports a near miss instead, so the test covers the likely mistake (a misspelt or C++-mangled entry), not just an
 * empty library. The host must report that the entry is missing. Build: cc -shared -fPIC -I protocol -o
 * libno-entry.so no-entry.c
 */
#include <stddef.h>

#include "datalint_stage.h"

const datalint_stage_descriptor *datalint_stage_entry_point(uint32_t host_abi_major) {
    (void)host_abi_major;
    return NULL;
}
