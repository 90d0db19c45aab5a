#ifndef DATALINT_CPCRE2_SHIM_H
#define DATALINT_CPCRE2_SHIM_H

// PCRE2 builds one library per code-unit width and names its functions after it (pcre2_compile_8); the generic
// names are macros that Swift cannot see. datalint matches UTF-8 only, so the 8-bit library is the one linked and
// the Tokenization module calls the `_8` functions by name.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#endif
