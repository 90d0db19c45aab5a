/*
 * Faulty stage plugin for the plugin host's tests: a transform that rewrites every record as `{"broken": ` (not
 * JSON). On every record, not on a trigger, so that `datalint plugin check` catches it with its own sample records.
 * The host must refuse the rewritten record (reported as a plugin error for that line) and keep going.
 * Build: cc -shared -fPIC -I protocol -o libbad-json.so bad-json.c
 */
#include <stdlib.h>
#include <string.h>

#include "datalint_stage.h"

typedef struct instance {
    const datalint_host *host;
} instance;

static int create(const char *configuration, size_t length, const datalint_host *host,
                  datalint_stage_instance **out) {
    (void)configuration, (void)length;
    instance *made = calloc(1, sizeof *made);
    if (!made) return DATALINT_FAILED;
    made->host = host;
    *out = (datalint_stage_instance *)made;
    return DATALINT_OK;
}

static int process(datalint_stage_instance *opaque, const datalint_record *records, size_t count) {
    const datalint_host *host = ((instance *)opaque)->host;
    static const char broken[] = "{\"broken\": ";
    for (size_t i = 0; i < count; i++)
        host->emit_record(host->context, records[i].line, broken, strlen(broken));
    return DATALINT_OK;
}

static void destroy(datalint_stage_instance *opaque) { free(opaque); }

static const datalint_stage_descriptor descriptor = {
    .struct_size = sizeof descriptor,
    .abi_major = DATALINT_STAGE_ABI_MAJOR,
    .abi_minor = DATALINT_STAGE_ABI_MINOR,
    .name = "bad-json",
    .version = "0.0.1",
    .description = "Rewrites every record as text that is not JSON",
    .capabilities = DATALINT_STAGE_TRANSFORMS,
    .create = create,
    .process = process,
    .destroy = destroy,
};

const datalint_stage_descriptor *datalint_stage_entry(uint32_t host_abi_major) {
    return host_abi_major == DATALINT_STAGE_ABI_MAJOR ? &descriptor : NULL;
}
