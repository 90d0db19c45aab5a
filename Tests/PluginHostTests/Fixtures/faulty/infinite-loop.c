/*
 * Faulty stage plugin for the plugin host's tests: never returns from process on a record containing "LOOP" (the host's time limit must end it).
 * Records without "LOOP" pass untouched, so a test can check that the host reports the record concerned and goes on
 * with the rest. Build: cc -shared -fPIC -I protocol -o libinfinite-loop.so infinite-loop.c
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
        if (memmem(records[i].json, records[i].length, "LOOP", sizeof "LOOP" - 1)) {
            /* volatile: a loop without side effects may be assumed to terminate, and be removed. */
            for (volatile unsigned long spins = 0;; spins++) {
            }
        }
    return DATALINT_OK;
}

static void destroy(datalint_stage_instance *instance) { free(instance); }

static const datalint_stage_descriptor descriptor = {
    .struct_size = sizeof descriptor,
    .abi_major = DATALINT_STAGE_ABI_MAJOR,
    .abi_minor = DATALINT_STAGE_ABI_MINOR,
    .name = "infinite-loop",
    .version = "0.0.1",
    .description = "Loops forever on records containing LOOP",
    .capabilities = DATALINT_STAGE_CHECKS,
    .create = create,
    .process = process,
    .destroy = destroy,
};

const datalint_stage_descriptor *datalint_stage_entry(uint32_t host_abi_major) {
    return host_abi_major == DATALINT_STAGE_ABI_MAJOR ? &descriptor : NULL;
}
