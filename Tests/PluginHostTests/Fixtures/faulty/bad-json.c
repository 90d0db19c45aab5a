/*
 * Faulty stage plugin for the plugin host's tests: a transform that rewrites every record as `{"broken": ` (not
 * JSON). On every record, not on a trigger, so that `datalint plugin check` catches it with its own sample records.
 * The host must refuse the rewritten record (reported as a plugin error for that line) and keep going.
 * Build: cc -shared -fPIC -I protocol -o libbad-json.so bad-json.c
 */

#include "fixture_stage.h"

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    static const char broken[] = "{\"broken\": ";
    for (size_t i = 0; i < count; i++)
        instance->host->emit_record(instance->host->context, records[i].line, broken, strlen(broken));
    return DATALINT_OK;
}

FIXTURE_STAGE("bad-json", "Rewrites every record as text that is not JSON", DATALINT_STAGE_TRANSFORMS, fixture_create,
              process, NULL)
