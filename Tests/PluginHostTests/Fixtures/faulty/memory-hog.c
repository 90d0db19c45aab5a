/*
 * Faulty stage plugin for the plugin host's tests: on a record containing "HOG", allocates and touches memory in
 * 64 MiB chunks until killed. Run it only under a memory limit (RLIMIT_AS, a cgroup): otherwise the kernel's OOM killer picks a victim, which on
 * a shared machine may be another process. When allocation fails it keeps trying, so a time limit ends it too.
 * Records without "HOG" pass untouched, so a test can check that the host reports the record concerned and goes on
 * with the rest. Build: cc -shared -fPIC -I protocol -o libmemory-hog.so memory-hog.c
 */
#include "fixture_stage.h"

enum { chunk_size = 64 << 20 };

/* The chunks are chained through their first bytes from a volatile global, so no allocation is provably unused and
   none can be optimized away. */
static void *volatile hoard;

static void hog(void) {
    for (;;) {
        char *chunk = malloc(chunk_size);
        if (!chunk) continue;
        memset(chunk, 0xA5, chunk_size); /* touched: resident, not just reserved */
        void *previous = hoard;
        memcpy(chunk, &previous, sizeof previous);
        hoard = chunk;
    }
}

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    (void)instance;
    for (size_t i = 0; i < count; i++)
        if (fixture_contains(&records[i], "HOG")) hog();
    return DATALINT_OK;
}

FIXTURE_STAGE("memory-hog", "Allocates memory until killed on records containing HOG", DATALINT_STAGE_CHECKS,
              fixture_create, process, NULL)
