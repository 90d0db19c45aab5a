/*
 * Faulty stage plugin for the plugin host's tests: for every record, a diagnostic for a line that is not in the batch,
 * one with a NULL message, a debugging printf to standard output (which must not reach datalint's pipe), and, on a
 * record containing "FORK", a forked child that sleeps forever (which must not outlive the worker or hold datalint's
 * output open). Build: cc -shared -fPIC -I protocol -o libmisreport.so misreport.c
 */
#include "fixture_stage.h"

#include <stdio.h>
#include <unistd.h>

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    printf("debugging output on stdout\n");
    fflush(stdout);
    for (size_t index = 0; index < count; index++) {
        fixture_report(instance->host, records[index].line + 100000, "misreport/elsewhere", DATALINT_SEVERITY_WARNING,
                       "a finding about some other record");
        fixture_report(instance->host, records[index].line, "misreport/elsewhere", DATALINT_SEVERITY_WARNING, NULL);
        if (fixture_contains(&records[index], "FORK") && fork() == 0) {
            for (;;) sleep(1);
        }
    }
    return DATALINT_OK;
}

FIXTURE_STAGE("misreport", "Reports about records it was not given, prints to stdout and forks.", DATALINT_STAGE_CHECKS,
              fixture_create, process, NULL)
