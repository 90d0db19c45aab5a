#ifndef DATALINT_CSQLITE_SHIM_H
#define DATALINT_CSQLITE_SHIM_H

#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast of -1 to a function pointer, a macro Swift cannot import. These helpers keep
// that cast (and the NULL-pointer pitfalls of the bind functions) on the C side, where it is ordinary.

// Binds UTF-8 text that SQLite copies at once, so the Swift buffer only has to live for the call. The bytes
// are untyped so Swift can pass its UInt8 buffer without rebinding memory. A NULL pointer would bind SQL
// NULL, so an empty Swift string (whose buffer may have no address) binds "" instead.
static inline int datalint_sqlite3_bind_text(sqlite3_stmt *statement, int index,
                                             const void *bytes, sqlite3_uint64 length) {
    const char *text = bytes ? (const char *)bytes : "";
    return sqlite3_bind_text64(statement, index, text, length, SQLITE_TRANSIENT, SQLITE_UTF8);
}

// Binds a blob that SQLite copies at once. An empty blob is bound as a zero-length blob, not as NULL (which
// is what sqlite3_bind_blob does with the NULL address an empty Swift array may have).
static inline int datalint_sqlite3_bind_blob(sqlite3_stmt *statement, int index,
                                             const void *bytes, sqlite3_uint64 length) {
    if (length == 0) return sqlite3_bind_zeroblob(statement, index, 0);
    return sqlite3_bind_blob64(statement, index, bytes, length, SQLITE_TRANSIENT);
}

#endif
