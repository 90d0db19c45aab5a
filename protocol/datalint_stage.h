/*
 * datalint_stage.h — the C ABI of datalint stage plugins.
 *
 * A stage plugin is a shared library (.so) that exports one function, `datalint_stage_entry`. datalint loads it
 * with dlopen, asks the entry for a descriptor, and then feeds the stage batches of records: the stage reports
 * diagnostics, and a transforming stage rewrites or drops records. Any language that can export a C function and
 * follow the rules below can implement one (C, C++, Swift with @_cdecl, Rust with extern "C", Zig…).
 *
 * Stability. The ABI is versioned by a major and a minor number. A plugin built against major M works with every
 * datalint that supports M; minor versions only add: new fields at the END of structs (never in the middle, never
 * reordered), new capability bits, new optional host services. Every struct that crosses the boundary starts with
 * its `struct_size`, so each side can tell which fields the other knows: read a field only when the struct is large
 * enough to hold it, and zero-fill what you hand over. A change that cannot be made that way takes a new major
 * version and a new entry symbol, and datalint keeps loading the old major for as long as it can.
 *
 * Memory. Nothing is freed across the boundary.
 *   - What datalint passes to a plugin (configuration text, records, the host table) is borrowed: valid until the
 *     call it was passed to returns (the host table and its context: until destroy). Copy what you keep.
 *   - What a plugin passes to a host service (a diagnostic, a rewritten record, a message) is copied by datalint
 *     before the service returns; the plugin may reuse or free it right after.
 *   - The descriptor and every string it points to are owned by the plugin and must stay valid and unchanged while
 *     the library is loaded (static storage is the usual choice).
 *
 * Threads. Unless the descriptor sets DATALINT_STAGE_THREAD_SAFE, datalint never calls into one stage instance from
 * two threads at once (it may still call from different threads one after another). With the flag, `process` may
 * run concurrently on the same instance; `create`, `finish` and `destroy` never overlap anything. The host's services
 * may be called from any of those calls, concurrently. Every service pointer of the host table is non-NULL.
 *
 * Errors. A function that can fail returns DATALINT_OK (0) or DATALINT_FAILED; before failing it should call the
 * host's `fail` service with a message. datalint reports the message with the stage's name and the records
 * concerned, and keeps every other stage running.
 *
 * Records are the lines of a JSONL file, without their newline, exactly as in the file: the bytes may hold JSON
 * escapes, and datalint does not re-encode them. Every line is passed, including lines that are not valid JSON or
 * not objects (a stage decides whether they concern it) and blank ones (length 0).
 *
 * JSON Pointers are NUL-terminated, so they cannot name a key that holds U+0000.
 */
#ifndef DATALINT_STAGE_H
#define DATALINT_STAGE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DATALINT_STAGE_ABI_MAJOR 1u
#define DATALINT_STAGE_ABI_MINOR 0u

/* The one symbol a plugin exports. */
#define DATALINT_STAGE_ENTRY_SYMBOL "datalint_stage_entry"

#define DATALINT_OK 0
#define DATALINT_FAILED 1

/* What a stage does (descriptor `capabilities`, a bit set). Swift imports these as Int32: write UInt64(…). */
#define DATALINT_STAGE_CHECKS ((uint64_t)1 << 0)            /* reports diagnostics */
#define DATALINT_STAGE_TRANSFORMS ((uint64_t)1 << 1)        /* rewrites or drops records (in pipelines) */
#define DATALINT_STAGE_NEEDS_WHOLE_DATASET ((uint64_t)1 << 2) /* reports only after seeing every record: see `finish` */
#define DATALINT_STAGE_THREAD_SAFE ((uint64_t)1 << 3)       /* `process` may run concurrently on one instance */

typedef enum datalint_severity {
    DATALINT_SEVERITY_ERROR = 1,
    DATALINT_SEVERITY_WARNING = 2,
    DATALINT_SEVERITY_INFO = 3,
    DATALINT_SEVERITY_HINT = 4,
} datalint_severity;

typedef enum datalint_log_level {
    DATALINT_LOG_ERROR = 1,
    DATALINT_LOG_WARNING = 2,
    DATALINT_LOG_INFO = 3,
    DATALINT_LOG_DEBUG = 4,
} datalint_log_level;

/* One record of a batch. Borrowed: valid until `process` returns. */
typedef struct datalint_record {
    const char *json;  /* UTF-8 JSON text of the record, not NUL-terminated */
    size_t length;     /* its length in bytes */
    uint64_t line;     /* 0-based line of the record in its dataset: how diagnostics name the record */
} datalint_record;

/*
 * A finding about one record. The place is a JSON Pointer (RFC 6901, "" for the whole record, "/messages/1/content"
 * for a value) resolved by datalint into an exact range, or, when `json_pointer` is NULL, the byte range
 * [byte_start, byte_end) of the record's text (byte_start = byte_end = -1: the whole record). A place outside the
 * record is refused (the diagnostic is reported as a plugin error instead).
 */
typedef struct datalint_diagnostic {
    uint32_t struct_size;       /* sizeof(datalint_diagnostic) as the plugin was compiled */
    uint64_t line;              /* the record's `line` */
    const char *code;           /* NUL-terminated "family/name", lowercase, e.g. "toxicity/word-list" */
    int32_t severity;           /* a datalint_severity (a fixed-size field: enum sizes are the compiler's choice) */
    const char *message;        /* NUL-terminated UTF-8, one sentence, no trailing period needed */
    const char *json_pointer;   /* NUL-terminated, or NULL to use the byte range */
    int64_t byte_start;
    int64_t byte_end;
    /* A quick fix: text that replaces the place (the raw JSON text of the value when the place is a JSON Pointer,
       so a string replacement includes its quotes), or NULL for no fix. */
    const char *replacement;
    size_t replacement_length;
} datalint_diagnostic;

/* Services datalint offers a stage instance. Borrowed for the instance's lifetime; pass `context` back. */
typedef struct datalint_host {
    uint32_t struct_size;
    uint32_t abi_major;         /* the host's ABI version */
    uint32_t abi_minor;
    void *context;
    /* A line for datalint's log (standard error in the terminal, the editor's output panel in the language server);
       `level` is a datalint_log_level. Allowed in every call, `create` included. */
    void (*log)(void *context, int32_t level, const char *message);
    /* Reports a finding. Returns DATALINT_FAILED when the diagnostic is malformed (the reason is logged). */
    int (*emit_diagnostic)(void *context, const datalint_diagnostic *diagnostic);
    /*
     * Transforming stages, during the `process` call that passed the record: replaces the record of `line` by `json`
     * (one JSON object on one line — no newline byte — UTF-8, `length` bytes), or removes it from the output
     * (`reason`, NUL-terminated, is logged). For one record, the last of these calls wins; a record with neither
     * passes unchanged. A check (no pipeline) validates rewritten records and reports invalid ones.
     */
    int (*emit_record)(void *context, uint64_t line, const char *json, size_t length);
    int (*drop_record)(void *context, uint64_t line, const char *reason);
    /* Says why the call about to return DATALINT_FAILED failed. */
    void (*fail)(void *context, const char *message);
} datalint_host;

typedef struct datalint_stage_instance datalint_stage_instance; /* the plugin's own, opaque to datalint */

typedef struct datalint_stage_descriptor {
    uint32_t struct_size;       /* sizeof(datalint_stage_descriptor) as the plugin was compiled */
    uint32_t abi_major;         /* DATALINT_STAGE_ABI_MAJOR the plugin was built with */
    uint32_t abi_minor;
    const char *name;           /* the stage's name and its codes' family: lowercase letters, digits, '-' */
    const char *version;        /* the plugin's own version, e.g. "1.2.0" */
    const char *description;    /* one sentence */
    uint64_t capabilities;      /* DATALINT_STAGE_* bits */
    const char *configuration_schema; /* a JSON Schema of the configuration object, or NULL */

    /*
     * Makes an instance. `configuration` is a JSON object (UTF-8, `configuration_length` bytes; "{}" when the user
     * set nothing). On success stores the instance in *instance and returns DATALINT_OK.
     */
    int (*create)(const char *configuration, size_t configuration_length, const datalint_host *host,
                  datalint_stage_instance **instance);
    /* Handles `count` records (a batch of up to a few thousand, in file order). Batches of a stage with
       DATALINT_STAGE_NEEDS_WHOLE_DATASET arrive in file order too; other stages' batches may arrive in any order
       (datalint checks parts of a file in parallel), so use each record's `line`. */
    int (*process)(datalint_stage_instance *instance, const datalint_record *records, size_t count);
    /*
     * The dataset's records have all been processed (NULL if the stage has nothing to do then). Stages that need
     * the whole dataset report here; afterwards the instance starts over with the next dataset's records.
     */
    int (*finish)(datalint_stage_instance *instance);
    /* Frees the instance. */
    void (*destroy)(datalint_stage_instance *instance);
} datalint_stage_descriptor;

/*
 * The entry point. datalint passes the ABI major version that this symbol belongs to (1 for
 * `datalint_stage_entry`); the plugin returns its descriptor if it serves that version (its `abi_major` equal to
 * `host_abi_major`), or NULL. A future major version will have an entry symbol of its own.
 */
typedef const datalint_stage_descriptor *(*datalint_stage_entry_function)(uint32_t host_abi_major);

#ifdef __cplusplus
}
#endif

#endif /* DATALINT_STAGE_H */
