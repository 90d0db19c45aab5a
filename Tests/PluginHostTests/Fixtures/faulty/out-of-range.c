/*
 * Faulty stage plugin for the plugin host's tests: for every record, a diagnostic whose byte range ends past the
 * record, one whose JSON Pointer names a key the record does not have, and one correct diagnostic (the whole
 * record). The host must refuse the first two (reported as plugin errors) and still report the third. On every
 * record, not on a trigger, so that `datalint plugin check` catches it with its own sample records.
 * Build: cc -shared -fPIC -I protocol -o libout-of-range.so out-of-range.c
 */
#include "fixture_stage.h"

static void emit(const datalint_host *host, uint64_t line, const char *code, const char *pointer, int64_t start,
                 int64_t end) {
    datalint_diagnostic diagnostic = {
        .struct_size = sizeof diagnostic,
        .line = line,
        .code = code,
        .severity = DATALINT_SEVERITY_WARNING,
        .message = "a diagnostic of the out-of-range test plugin",
        .json_pointer = pointer,
        .byte_start = start,
        .byte_end = end,
    };
    host->emit_diagnostic(host->context, &diagnostic);
}

static int process(datalint_stage_instance *instance, const datalint_record *records, size_t count) {
    for (size_t i = 0; i < count; i++) {
        int64_t length = (int64_t)records[i].length;
        emit(instance->host, records[i].line, "out-of-range/past-the-end", NULL, length - 1, length + 10);
        emit(instance->host, records[i].line, "out-of-range/missing-key", "/datalint-test-no-such-key/0", -1, -1);
        emit(instance->host, records[i].line, "out-of-range/whole-record", "", -1, -1);
    }
    return DATALINT_OK;
}

FIXTURE_STAGE("out-of-range", "Reports diagnostics at places outside the record", DATALINT_STAGE_CHECKS, fixture_create,
              process, NULL)
