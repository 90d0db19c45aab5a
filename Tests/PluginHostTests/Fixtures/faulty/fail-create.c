/*
 * Faulty stage plugin for the plugin host's tests: create always fails, after telling the host why through `fail`.
 * The host must report the message with the stage's name and never call process or destroy.
 * Build: cc -shared -fPIC -I protocol -o libfail-create.so fail-create.c
 */
#include <stdlib.h>

#include "datalint_stage.h"

static int create(const char *configuration, size_t length, const datalint_host *host,
                  datalint_stage_instance **instance) {
    (void)configuration, (void)length, (void)instance;
    host->fail(host->context, "fail-create: this stage refuses every configuration");
    return DATALINT_FAILED;
}

/* Never called: there is no instance to call them on. */
static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    (void)instance, (void)records, (void)count;
    abort();
}

static void destroy(datalint_stage_instance *instance) {
    (void)instance;
    abort();
}

static const datalint_stage_descriptor descriptor = {
    .struct_size = sizeof descriptor,
    .abi_major = DATALINT_STAGE_ABI_MAJOR,
    .abi_minor = DATALINT_STAGE_ABI_MINOR,
    .name = "fail-create",
    .version = "0.0.1",
    .description = "Fails to create an instance, with a message",
    .capabilities = DATALINT_STAGE_CHECKS,
    .create = create,
    .process = process,
    .destroy = destroy,
};

const datalint_stage_descriptor *datalint_stage_entry(uint32_t host_abi_major) {
    return host_abi_major == DATALINT_STAGE_ABI_MAJOR ? &descriptor : NULL;
}
