/*
 * Stage plugin that does nothing, for the plugin host's tests and benchmarks: what loading a plugin and calling it
 * per batch costs, with no work of the plugin's own. Build: cc -shared -fPIC -I protocol -o libtrivial.so trivial.c
 */

#include "fixture_stage.h"

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    (void)instance, (void)records, (void)count;
    return DATALINT_OK;
}

FIXTURE_STAGE("trivial", "Does nothing", DATALINT_STAGE_CHECKS, fixture_create, process, NULL)
