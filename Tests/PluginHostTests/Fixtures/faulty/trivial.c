/*
 * Stage plugin that does nothing, for the plugin host's tests and benchmarks: what loading a plugin and calling it
 * per batch costs, with no work of the plugin's own. Build: cc -shared -fPIC -I protocol -o libtrivial.so trivial.c
 */
#include <stddef.h>

#include "datalint_stage.h"

/* Instances need no state; any non-NULL pointer will do, and there is nothing to free. */
static char instance_storage;

static int create(const char *configuration, size_t length, const datalint_host *host,
                  datalint_stage_instance **instance) {
    (void)configuration, (void)length, (void)host;
    *instance = (datalint_stage_instance *)&instance_storage;
    return DATALINT_OK;
}

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    (void)instance, (void)records, (void)count;
    return DATALINT_OK;
}

static void destroy(datalint_stage_instance *instance) { (void)instance; }

static const datalint_stage_descriptor descriptor = {
    .struct_size = sizeof descriptor,
    .abi_major = DATALINT_STAGE_ABI_MAJOR,
    .abi_minor = DATALINT_STAGE_ABI_MINOR,
    .name = "trivial",
    .version = "0.0.1",
    .description = "Does nothing",
    .capabilities = DATALINT_STAGE_CHECKS,
    .create = create,
    .process = process,
    .destroy = destroy,
};

const datalint_stage_descriptor *datalint_stage_entry(uint32_t host_abi_major) {
    return host_abi_major == DATALINT_STAGE_ABI_MAJOR ? &descriptor : NULL;
}
