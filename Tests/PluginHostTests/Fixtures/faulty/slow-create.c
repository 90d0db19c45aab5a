/*
 * Test plugin for the plugin host's tests: `create` takes 3 seconds (a model to load, say), then every record gets
 * `slow-create/seen` (a hint on the whole record). An editor must stay responsive meanwhile.
 * Build: cc -shared -fPIC -I protocol -o libslow-create.so slow-create.c
 */
#include <stdlib.h>
#include <unistd.h>

#include "datalint_stage.h"

struct datalint_stage_instance {
    const datalint_host *host;
};

static int create(const char *configuration, size_t length, const datalint_host *host, datalint_stage_instance **instance) {
    (void)configuration, (void)length;
    sleep(3);
    *instance = calloc(1, sizeof **instance);
    if (*instance == NULL) return DATALINT_FAILED;
    (*instance)->host = host;
    return DATALINT_OK;
}

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    for (size_t index = 0; index < count; index++) {
        datalint_diagnostic diagnostic = {0};
        diagnostic.struct_size = sizeof diagnostic;
        diagnostic.line = records[index].line;
        diagnostic.code = "slow-create/seen";
        diagnostic.severity = DATALINT_SEVERITY_HINT;
        diagnostic.message = "seen by a plugin that was slow to start";
        diagnostic.byte_start = diagnostic.byte_end = -1;
        instance->host->emit_diagnostic(instance->host->context, &diagnostic);
    }
    return DATALINT_OK;
}

static void destroy(datalint_stage_instance *instance) { free(instance); }

static const datalint_stage_descriptor descriptor = {
    sizeof(datalint_stage_descriptor), DATALINT_STAGE_ABI_MAJOR, DATALINT_STAGE_ABI_MINOR, "slow-create", "1.0",
    "Takes three seconds to create, then sees every record.", DATALINT_STAGE_CHECKS, NULL, create, process, NULL, destroy,
};

const datalint_stage_descriptor *datalint_stage_entry(uint32_t host_abi_major) {
    return host_abi_major == DATALINT_STAGE_ABI_MAJOR ? &descriptor : NULL;
}
