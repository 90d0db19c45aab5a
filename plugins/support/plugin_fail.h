/*
 * host->fail with printf-style formatting, for the example plugins' configuration and allocation errors. Part of
 * plugins/support, which the examples share (copy it along when you copy an example).
 */
#ifndef DATALINT_PLUGIN_SUPPORT_PLUGIN_FAIL_H
#define DATALINT_PLUGIN_SUPPORT_PLUGIN_FAIL_H

#include "datalint_stage.h"

/* Internal to the plugin: only datalint_stage_entry is exported, so two plugins never clash. */
#pragma GCC visibility push(hidden)

/* Formats the message (cut, on a UTF-8 character boundary, at 511 bytes), passes it to host->fail and returns
   DATALINT_FAILED, so callers can `return plugin_fail(...)`. */
int plugin_fail(const datalint_host *host, const char *format, ...) __attribute__((format(printf, 2, 3)));

#pragma GCC visibility pop

#endif
