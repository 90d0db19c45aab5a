/*
 * Faulty stage plugin for the plugin host's tests: on a record containing "CLOSE", closes every file descriptor from
 * 3 up (the worker's pipe to datalint among them) and spins, alive. The host must notice the closed pipe, stop the
 * worker and report the record, within its time limit. Build: cc -shared -fPIC -I protocol -o libcloser.so closer.c
 */

#include "fixture_stage.h"

#include <unistd.h>

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    (void)instance;
    for (size_t index = 0; index < count; index++) {
        if (fixture_contains(&records[index], "CLOSE")) {
            for (int descriptor = 3; descriptor < 1024; descriptor++) close(descriptor);
            for (volatile unsigned long spin = 0;; spin++) {}
        }
    }
    return DATALINT_OK;
}

FIXTURE_STAGE("closer", "Closes its pipe to datalint and keeps running.", DATALINT_STAGE_CHECKS, fixture_create, process,
              NULL)
