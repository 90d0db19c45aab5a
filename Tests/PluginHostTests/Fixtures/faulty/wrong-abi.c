/*
 * Faulty stage plugin for the plugin host's tests: its descriptor claims ABI major version 99, and its entry returns
 * it whatever version the host asks for (a well-behaved plugin returns NULL instead). The host must refuse it
 * without calling create. Build: cc -shared -fPIC -I protocol -o libwrong-abi.so wrong-abi.c
 */
#include <stdlib.h>

#include "datalint_stage.h"

static int create(const char *configuration, size_t length, const datalint_host *host,
                  datalint_stage_instance **instance) {
    (void)configuration, (void)length, (void)host;
    *instance = (datalint_stage_instance *)calloc(1, 1);
    return *instance ? DATALINT_OK : DATALINT_FAILED;
}

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    (void)instance, (void)records, (void)count;
    return DATALINT_OK;
}

static void destroy(datalint_stage_instance *instance) { free(instance); }

static const datalint_stage_descriptor descriptor = {
    .struct_size = sizeof descriptor,
    .abi_major = 99,
    .abi_minor = 0,
    .name = "wrong-abi",
    .version = "0.0.1",
    .description = "Claims an ABI major version no datalint speaks",
    .capabilities = DATALINT_STAGE_CHECKS,
    .create = create,
    .process = process,
    .destroy = destroy,
};

const datalint_stage_descriptor *datalint_stage_entry(uint32_t host_abi_major) {
    (void)host_abi_major;
    return &descriptor;
}
