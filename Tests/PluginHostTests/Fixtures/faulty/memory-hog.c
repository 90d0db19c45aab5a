/*
 * Faulty stage plugin for the plugin host's tests: on a record containing "HOG", allocates and touches memory in
 * 64 MiB chunks until killed. Run it only under a memory limit (RLIMIT_AS, a cgroup): otherwise the kernel's OOM killer picks a victim, which on
 * a shared machine may be another process. When allocation fails it keeps trying, so a time limit ends it too.
 * Records without "HOG" pass untouched, so a test can check that the host reports the record concerned and goes on
 * with the rest. Build: cc -shared -fPIC -I protocol -o libmemory-hog.so memory-hog.c
 */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "datalint_stage.h"

enum { chunk_size = 64 << 20 };

/* The chunks are chained through their first bytes from a volatile global, so no allocation is provably unused and
   none can be optimized away. */
static void *volatile hoard;

static void hog(void) {
    for (;;) {
        char *chunk = malloc(chunk_size);
        if (!chunk) continue;
        memset(chunk, 0xA5, chunk_size); /* touched: resident, not just reserved */
        void *previous = hoard;
        memcpy(chunk, &previous, sizeof previous);
        hoard = chunk;
    }
}

static int create(const char *configuration, size_t length, const datalint_host *host,
                  datalint_stage_instance **instance) {
    (void)configuration, (void)length, (void)host;
    *instance = (datalint_stage_instance *)calloc(1, 1);
    return *instance ? DATALINT_OK : DATALINT_FAILED;
}

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    (void)instance;
    for (size_t i = 0; i < count; i++)
        if (memmem(records[i].json, records[i].length, "HOG", sizeof "HOG" - 1)) {
            hog();
        }
    return DATALINT_OK;
}

static void destroy(datalint_stage_instance *instance) { free(instance); }

static const datalint_stage_descriptor descriptor = {
    .struct_size = sizeof descriptor,
    .abi_major = DATALINT_STAGE_ABI_MAJOR,
    .abi_minor = DATALINT_STAGE_ABI_MINOR,
    .name = "memory-hog",
    .version = "0.0.1",
    .description = "Allocates memory until killed on records containing HOG",
    .capabilities = DATALINT_STAGE_CHECKS,
    .create = create,
    .process = process,
    .destroy = destroy,
};

const datalint_stage_descriptor *datalint_stage_entry(uint32_t host_abi_major) {
    return host_abi_major == DATALINT_STAGE_ABI_MAJOR ? &descriptor : NULL;
}
