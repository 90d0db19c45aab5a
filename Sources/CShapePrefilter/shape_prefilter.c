#include "shape_prefilter.h"

#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

// The text is read in blocks of 64 bytes; for each block, one bit per byte says which bytes belong to a class.
typedef struct {
    uint64_t digit;
    uint64_t hex;
    uint64_t separator;  // ' ', '.', '-'
    uint64_t colon;
    uint64_t hyphen;
    uint64_t paren;      // '('
    uint64_t backslash;
    uint64_t letter_u;
} block_classes;

// After a block with no digit, colon, hyphen or parenthesis, what the next block may look back on: nothing,
// except hex digits, which are assumed everywhere (more regions, never fewer), and a backslash, which is
// assumed nowhere (escaped hex then counts as digits: more regions again).
static inline __attribute__((always_inline)) int quiet_block(block_classes *classes) {
    memset(classes, 0, sizeof *classes);
    classes->hex = ~(uint64_t)0;
    return 0;
}

// Returns 0, after `quiet_block`, when the block has no digit, colon, hyphen or parenthesis.
static int classify_portable(const uint8_t *block, block_classes *classes) {
    memset(classes, 0, sizeof *classes);
    for (int index = 0; index < 64; index++) {
        const uint8_t byte = block[index];
        const uint64_t bit = (uint64_t)1 << index;
        const int is_digit = byte >= '0' && byte <= '9';
        if (is_digit) classes->digit |= bit;
        if (is_digit || (byte >= 'a' && byte <= 'f') || (byte >= 'A' && byte <= 'F')) classes->hex |= bit;
        if (byte == '-') classes->hyphen |= bit;
        if (byte == '.' || byte == '-' || byte == ' ') classes->separator |= bit;
        if (byte == ':') classes->colon |= bit;
        if (byte == '(') classes->paren |= bit;
        if (byte == '\\') classes->backslash |= bit;
        if (byte == 'u') classes->letter_u |= bit;
    }
    if ((classes->digit | classes->colon | classes->hyphen | classes->paren) == 0) return quiet_block(classes);
    return 1;
}

#if defined(__x86_64__)
#define AVX512 __attribute__((target("avx512f,avx512bw,popcnt")))

AVX512 static inline uint64_t equal_mask(__m512i block, char byte) {
    return _mm512_cmpeq_epi8_mask(block, _mm512_set1_epi8(byte));
}

AVX512 static inline uint64_t range_mask(__m512i block, char low, char count) {
    return _mm512_cmplt_epu8_mask(_mm512_sub_epi8(block, _mm512_set1_epi8(low)), _mm512_set1_epi8(count));
}

AVX512 static inline int classify_avx512(const uint8_t *bytes, block_classes *classes) {
    const __m512i block = _mm512_loadu_si512((const void *)bytes);
    classes->digit = range_mask(block, '0', 10);
    classes->colon = equal_mask(block, ':');
    classes->hyphen = equal_mask(block, '-');
    classes->paren = equal_mask(block, '(');
    // No early return for quiet blocks: with one instruction per class, a mispredicted branch costs more.
    classes->hex = classes->digit | range_mask(block, 'a', 6) | range_mask(block, 'A', 6);
    classes->separator = classes->hyphen | equal_mask(block, '.') | equal_mask(block, ' ');
    classes->backslash = equal_mask(block, '\\');
    classes->letter_u = equal_mask(block, 'u');
    return 1;
}
#endif

// `mask` moved up by `count` bits (towards later bytes), with the previous block's top bits shifted in:
// bit i of the result says something about byte i - count.
static inline __attribute__((always_inline)) uint64_t earlier(uint64_t mask, uint64_t previous, int count) {
    return (mask << count) | (previous >> (64 - count));
}

static inline __attribute__((always_inline)) int popcount(uint64_t mask) { return __builtin_popcountll(mask); }

// The number of set bits in each byte of `mask`, byte by byte.
static inline __attribute__((always_inline)) uint64_t bits_per_byte(uint64_t mask) {
    mask = mask - ((mask >> 1) & 0x5555555555555555ull);
    mask = (mask & 0x3333333333333333ull) + ((mask >> 2) & 0x3333333333333333ull);
    return (mask + (mask >> 4)) & 0x0F0F0F0F0F0F0F0Full;
}

// Whether some window of three consecutive 8-byte lanes (24 bytes, reaching into the previous block) holds at
// least `threshold` set bits. Lane counts are at most 8, so byte-wise sums of three never carry.
static inline __attribute__((always_inline)) int window_reaches(uint64_t counts, uint64_t previous_counts, unsigned threshold) {
    const uint64_t sums = counts + ((counts << 8) | (previous_counts >> 56)) + ((counts << 16) | (previous_counts >> 48));
    const uint64_t raise = 0x0101010101010101ull * (uint64_t)(128 - threshold);
    return ((sums + raise) & 0x8080808080808080ull) != 0;
}

typedef struct {
    block_classes classes;
    uint64_t escaped_u;   // bytes that are the "u" of a "\u" escape
    uint64_t digits;      // digits that are not the hex of a "\u" escape
    uint64_t units;       // those digits, and separators after a digit
    uint64_t hex_colons;  // colons after two hex digits
} block_state;

// Whether `mask` (this block) and the previous block's `previous` have `threshold` set bits within 24 bytes.
// A count of all bits rejects almost every block before the lane by lane sums are made.
static inline __attribute__((always_inline)) int dense_within_24(uint64_t mask, uint64_t previous, unsigned threshold) {
    if ((unsigned)(popcount(mask) + popcount(previous >> 48)) < threshold) return 0;
    return window_reaches(bits_per_byte(mask), bits_per_byte(previous), threshold);
}

static inline __attribute__((always_inline)) int block_fires(const block_state *previous, block_state *current) {
    const block_classes *now = &current->classes;
    const block_classes *before = &previous->classes;
    uint64_t escape_hex = 0;
    current->escaped_u = now->letter_u & earlier(now->backslash, before->backslash, 1);
    if (current->escaped_u | previous->escaped_u) {
        for (int distance = 1; distance <= 4; distance++) {
            escape_hex |= earlier(current->escaped_u, previous->escaped_u, distance);
        }
    }
    const uint64_t digits = current->digits = now->digit & ~escape_hex;
    current->units = digits | (now->separator & earlier(digits, previous->digits, 1));
    current->hex_colons = now->colon & earlier(now->hex, before->hex, 1) & earlier(now->hex, before->hex, 2);
    // "::"; "-hh-" (part of a MAC address written with hyphens); "(" before a digit.
    const uint64_t double_colon = now->colon & earlier(now->colon, before->colon, 1);
    const uint64_t hex_between_hyphens = now->hyphen & earlier(now->hex, before->hex, 1)
        & earlier(now->hex, before->hex, 2) & earlier(now->hyphen, before->hyphen, 3);
    const uint64_t paren_digit = digits & earlier(now->paren, before->paren, 1);
    return (double_colon | hex_between_hyphens | paren_digit) != 0
        || dense_within_24(current->units, previous->units, 7)           // seven digits and separators
        || dense_within_24(current->hex_colons, previous->hex_colons, 2);  // two colons after hex pairs
}

// Adds the region around the block at `offset` (merged with the last one when they touch). False when the
// regions are full: the last one then reaches to the end of the text.
static inline __attribute__((always_inline)) int add_region(size_t offset, size_t length, shape_region *regions, size_t capacity, size_t *count) {
    // Matches are at most 15 bytes long and end in a firing block; a margin of 32 bytes each side covers them.
    const size_t margin = 32;
    const size_t start = offset > margin ? offset - margin : 0;
    const size_t end = offset + 64 + margin < length ? offset + 64 + margin : length;
    if (*count > 0 && regions[*count - 1].end >= start) {
        regions[*count - 1].end = end;
    } else if (*count < capacity) {
        regions[*count].start = start;
        regions[*count].end = end;
        *count += 1;
    } else {
        regions[*count - 1].end = length;
        return 0;
    }
    return 1;
}

// One loop, compiled once per way of classifying blocks so that the classification inlines.
#define SHAPE_PREFILTER_LOOP(classify)                                                                      \
    size_t count = 0;                                                                                        \
    block_state states[2];                                                                                   \
    memset(states, 0, sizeof states);                                                                        \
    int current = 0;                                                                                         \
    uint8_t tail[64];                                                                                        \
    for (size_t offset = 0; offset < length; offset += 64) {                                                \
        const uint8_t *block = text + offset;                                                                \
        if (length - offset < 64) {                                                                          \
            memset(tail, 0, sizeof tail);                                                                    \
            memcpy(tail, block, length - offset);                                                            \
            block = tail;                                                                                    \
        }                                                                                                    \
        if (!classify(block, &states[current].classes)) {                                                    \
            states[current].digits = states[current].escaped_u = 0;                                          \
            states[current].units = states[current].hex_colons = 0;                                          \
        } else if (block_fires(&states[1 - current], &states[current])                                       \
                   && !add_region(offset, length, regions, capacity, &count)) {                              \
            return count;                                                                                    \
        }                                                                                                    \
        current = 1 - current;                                                                               \
    }                                                                                                        \
    return count;

static size_t find_portable(const uint8_t *text, size_t length, shape_region *regions, size_t capacity) {
    SHAPE_PREFILTER_LOOP(classify_portable)
}

#if defined(__x86_64__)
AVX512 static size_t find_avx512(const uint8_t *text, size_t length, shape_region *regions, size_t capacity) {
    SHAPE_PREFILTER_LOOP(classify_avx512)
}
#endif

size_t shape_prefilter_find(const uint8_t *text, size_t length, shape_region *regions, size_t capacity) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx512bw")) return find_avx512(text, length, regions, capacity);
#endif
    return find_portable(text, length, regions, capacity);
}
