/*
 * Faulty stage plugin for the plugin host's tests: on a record containing "CLOSE", closes every file descriptor from
 * 3 up (the worker's pipe to datalint among them) and spins, alive. The host must notice the closed pipe, stop the
 * worker and report the record, within its time limit. Build: cc -shared -fPIC -I protocol -o libcloser.so closer.c
 */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datalint_stage.h"

struct datalint_stage_instance {
    int unused;
};

static int create(const char *configuration, size_t length, const datalint_host *host, datalint_stage_instance **instance) {
    (void)configuration, (void)length, (void)host;
    *instance = calloc(1, sizeof **instance);
    return *instance == NULL ? DATALINT_FAILED : DATALINT_OK;
}

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    (void)instance;
    for (size_t index = 0; index < count; index++) {
        if (memmem(records[index].json, records[index].length, "CLOSE", 5)) {
            for (int descriptor = 3; descriptor < 1024; descriptor++) close(descriptor);
            for (volatile unsigned long spin = 0;; spin++) {}
        }
    }
    return DATALINT_OK;
}

static void destroy(datalint_stage_instance *instance) { free(instance); }

static const datalint_stage_descriptor descriptor = {
    sizeof(datalint_stage_descriptor), DATALINT_STAGE_ABI_MAJOR, DATALINT_STAGE_ABI_MINOR, "closer", "1.0",
    "Closes its pipe to datalint and keeps running.", DATALINT_STAGE_CHECKS, NULL, create, process, NULL, destroy,
};

const datalint_stage_descriptor *datalint_stage_entry(uint32_t host_abi_major) {
    return host_abi_major == DATALINT_STAGE_ABI_MAJOR ? &descriptor : NULL;
}
