/*
 * Faulty stage plugin for the plugin host's tests: dereferences NULL (SIGSEGV) in process on a record containing "CRASH".
 * Records without "CRASH" pass untouched, so a test can check that the host reports the record concerned and goes on
 * with the rest. Build: cc -shared -fPIC -I protocol -o libsegfault.so segfault.c
 */

#include "fixture_stage.h"

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    (void)instance;
    for (size_t i = 0; i < count; i++)
        if (fixture_contains(&records[i], "CRASH")) {
            /* volatile: the compiler may neither drop the store nor turn it into a trap instruction (SIGILL). */
            int *volatile nowhere = NULL;
            *nowhere = 1;
        }
    return DATALINT_OK;
}

FIXTURE_STAGE("segfault", "Crashes on records containing CRASH", DATALINT_STAGE_CHECKS, fixture_create, process, NULL)
