#ifndef DATALINT_SHAPE_PREFILTER_H
#define DATALINT_SHAPE_PREFILTER_H

#include <stddef.h>
#include <stdint.h>

/// A byte range [start, end) of the scanned text.
typedef struct {
    size_t start;
    size_t end;
} shape_region;

/// Finds the regions of `text` whose character shapes could hold a number-shaped identifier: a run of digits
/// (with dots, spaces or hyphens between them) of seven or more characters within 24 bytes, an IPv6 "::", two
/// colons each after two hex digits within 24 bytes, a hyphenated MAC address, or "(" before a digit.
///
/// It is a superset test for patterns of at most 15 bytes: every match of such a pattern lies inside a returned
/// region. Digits spelled by a JSON "\u" escape do not count. Regions are sorted and disjoint; when more than
/// `capacity` are needed, the last one reaches to the end of the text. Returns the number written.
size_t shape_prefilter_find(const uint8_t *text, size_t length, shape_region *regions, size_t capacity);

#endif
