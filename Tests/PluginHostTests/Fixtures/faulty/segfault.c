/*
 * Faulty stage plugin for the plugin host's tests: dereferences NULL (SIGSEGV) in process on a record containing "CRASH".
 * Records without "CRASH" pass untouched, so a test can check that the host reports the record concerned and goes on
 * with the rest. Build: cc -shared -fPIC -I protocol -o libsegfault.so segfault.c
 */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "datalint_stage.h"

static int create(const char *configuration, size_t length, const datalint_host *host,
                  datalint_stage_instance **instance) {
    (void)configuration, (void)length, (void)host;
    *instance = (datalint_stage_instance *)calloc(1, 1);
    return *instance ? DATALINT_OK : DATALINT_FAILED;
}

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    (void)instance;
    for (size_t i = 0; i < count; i++)
        if (memmem(records[i].json, records[i].length, "CRASH", sizeof "CRASH" - 1)) {
            /* volatile: the compiler may neither drop the store nor turn it into a trap instruction (SIGILL). */
            int *volatile nowhere = NULL;
            *nowhere = 1;
        }
    return DATALINT_OK;
}

static void destroy(datalint_stage_instance *instance) { free(instance); }

static const datalint_stage_descriptor descriptor = {
    .struct_size = sizeof descriptor,
    .abi_major = DATALINT_STAGE_ABI_MAJOR,
    .abi_minor = DATALINT_STAGE_ABI_MINOR,
    .name = "segfault",
    .version = "0.0.1",
    .description = "Crashes with SIGSEGV on records containing CRASH",
    .capabilities = DATALINT_STAGE_CHECKS,
    .create = create,
    .process = process,
    .destroy = destroy,
};

const datalint_stage_descriptor *datalint_stage_entry(uint32_t host_abi_major) {
    return host_abi_major == DATALINT_STAGE_ABI_MAJOR ? &descriptor : NULL;
}
