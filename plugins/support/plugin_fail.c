#include "plugin_fail.h"

#include <stdarg.h>
#include <stdio.h>

int plugin_fail(const datalint_host *host, const char *format, ...) {
    char message[512];
    va_list arguments;
    va_start(arguments, format);
    int length = vsnprintf(message, sizeof message, format, arguments);
    va_end(arguments);
    if (length >= (int)sizeof message) {
        /* Cut before a UTF-8 sequence the truncation split (a long key name), so the message stays valid UTF-8. */
        size_t end = sizeof message - 1;
        while (end > 0 && ((unsigned char)message[end - 1] & 0xC0) == 0x80) end--;
        if (end > 0 && (unsigned char)message[end - 1] >= 0xC0) end--;
        message[end] = '\0';
    }
    host->fail(host->context, message);
    return DATALINT_FAILED;
}
