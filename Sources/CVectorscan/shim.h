#ifndef DATALINT_CVECTORSCAN_SHIM_H
#define DATALINT_CVECTORSCAN_SHIM_H

// Vectorscan (the portable fork of Hyperscan) keeps Hyperscan's API and header names. Its flags and error
// codes are plain integer macros, which Swift imports as constants, so the shim needs no helpers.
#include <hs/hs.h>

#endif
