/*
 * Test plugin for the plugin host's tests: `create` takes 3 seconds (a model to load, say), then every record gets
 * `slow-create/seen` (a hint on the whole record). An editor must stay responsive meanwhile.
 * Build: cc -shared -fPIC -I protocol -o libslow-create.so slow-create.c
 */

#include "fixture_stage.h"

#include <unistd.h>

static int create(const char *configuration, size_t length, const datalint_host *host, datalint_stage_instance **instance) {
    sleep(3);
    return fixture_create(configuration, length, host, instance);
}

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    for (size_t index = 0; index < count; index++)
        fixture_report(instance->host, records[index].line, "slow-create/seen", DATALINT_SEVERITY_HINT,
                       "seen by a plugin that was slow to start");
    return DATALINT_OK;
}

FIXTURE_STAGE("slow-create", "Takes three seconds to create, then sees every record.", DATALINT_STAGE_CHECKS, create,
              process, NULL)
