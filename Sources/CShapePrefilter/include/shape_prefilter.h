#ifndef DATALINT_SHAPE_PREFILTER_H
#define DATALINT_SHAPE_PREFILTER_H

#include <stddef.h>
#include <stdint.h>

/// A byte range [start, end) of the scanned text.
typedef struct {
    size_t start;
    size_t end;
} shape_region;

/// Finds the regions of `text` where the pii stage's shaped triggers (Sources/PIIStage/Trigger.swift) can
/// match: digit groups of cards, IBANs, phone numbers and SSNs, IPv4, IPv6 and MAC addresses, "+" before a
/// digit, "@" between a word character and the start of a domain. Each is matched by bit masks over 64-byte
/// blocks, exactly or a little more loosely than its trigger, by the byte it ends on.
///
/// It is a superset test for those triggers (each at most 15 bytes long): every match lies inside a returned
/// region. Digits spelled by a JSON "\u" escape do not count as digits. Regions are sorted and disjoint; when
/// more than `capacity` are needed, the last one reaches to the end of the text. Returns the number written.
size_t shape_prefilter_find(const uint8_t *text, size_t length, shape_region *regions, size_t capacity);

/// `shape_prefilter_find` without SIMD, as CPUs without AVX-512 run it: for tests, which must cover both.
size_t shape_prefilter_find_portable(const uint8_t *text, size_t length, shape_region *regions, size_t capacity);

/// `shape_prefilter_find_portable` testing every block in full, without first skipping the blocks that cannot
/// match: for tests, which check that both find the same regions.
size_t shape_prefilter_find_unscreened(const uint8_t *text, size_t length, shape_region *regions, size_t capacity);

#endif
