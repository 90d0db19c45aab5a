#ifndef DATALINT_CPSL_SHIM_H
#define DATALINT_CPSL_SHIM_H

// libpsl's API is plain functions and integer macros, all of which Swift imports directly.
#include <libpsl.h>

#endif
