#include "shape_prefilter.h"

#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#define ALWAYS_INLINE static inline __attribute__((always_inline))

// The text is read in blocks of 64 bytes; for each block, one bit per byte says which bytes belong to a class.
typedef struct {
    uint64_t digit;
    uint64_t hex;
    uint64_t space;
    uint64_t dot;
    uint64_t hyphen;
    uint64_t colon;
    uint64_t paren;      // '('
    uint64_t backslash;
    uint64_t letter_u;
    uint64_t plus;
    uint64_t at;         // '@'
    uint64_t word;       // letters, digits, '_'
    uint64_t high;       // bytes of non-ASCII characters
} block_classes;

// Every block is classified and tested in full: a block with nothing of its own to match can still end a pattern
// that started in the previous one, or start one that ends in the next.
static void classify_portable(const uint8_t *block, block_classes *classes) {
    memset(classes, 0, sizeof *classes);
    for (int index = 0; index < 64; index++) {
        const uint8_t byte = block[index];
        const uint64_t bit = (uint64_t)1 << index;
        const int is_digit = byte >= '0' && byte <= '9';
        if (is_digit) classes->digit |= bit;
        if (is_digit || (byte >= 'a' && byte <= 'f') || (byte >= 'A' && byte <= 'F')) classes->hex |= bit;
        if (byte == ' ') classes->space |= bit;
        if (byte == '.') classes->dot |= bit;
        if (byte == '-') classes->hyphen |= bit;
        if (byte == ':') classes->colon |= bit;
        if (byte == '(') classes->paren |= bit;
        if (byte == '\\') classes->backslash |= bit;
        if (byte == 'u') classes->letter_u |= bit;
        if (byte == '+') classes->plus |= bit;
        if (byte == '@') classes->at |= bit;
        if (is_digit || ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z') || byte == '_') classes->word |= bit;
        if (byte >= 0x80) classes->high |= bit;
    }
}

#if defined(__x86_64__)
#define AVX512 __attribute__((target("avx512f,avx512bw,popcnt")))

AVX512 ALWAYS_INLINE uint64_t equal_mask(__m512i block, char byte) {
    return _mm512_cmpeq_epi8_mask(block, _mm512_set1_epi8(byte));
}

AVX512 ALWAYS_INLINE uint64_t range_mask(__m512i block, char low, char count) {
    return _mm512_cmplt_epu8_mask(_mm512_sub_epi8(block, _mm512_set1_epi8(low)), _mm512_set1_epi8(count));
}

AVX512 ALWAYS_INLINE void classify_avx512(const uint8_t *bytes, block_classes *classes) {
    const __m512i block = _mm512_loadu_si512((const void *)bytes);
    classes->digit = range_mask(block, '0', 10);
    classes->colon = equal_mask(block, ':');
    classes->hyphen = equal_mask(block, '-');
    classes->hex = classes->digit | range_mask(_mm512_or_si512(block, _mm512_set1_epi8(0x20)), 'a', 6);
    classes->space = equal_mask(block, ' ');
    classes->dot = equal_mask(block, '.');
    classes->paren = equal_mask(block, '(');
    classes->backslash = equal_mask(block, '\\');
    classes->letter_u = equal_mask(block, 'u');
    classes->plus = equal_mask(block, '+');
    classes->at = equal_mask(block, '@');
    classes->word = classes->digit | range_mask(_mm512_or_si512(block, _mm512_set1_epi8(0x20)), 'a', 26)
        | equal_mask(block, '_');
    classes->high = _mm512_movepi8_mask(block);
}
#endif

ALWAYS_INLINE int popcount(uint64_t mask) { return __builtin_popcountll(mask); }

// `mask` moved up by `count` bits (towards later bytes), with the previous block's top bits shifted in: bit i of
// the result says something about byte i - count. Patterns are matched by the byte they end on.
ALWAYS_INLINE uint64_t earlier(uint64_t mask, uint64_t previous, int count) {
    return (mask << count) | (previous >> (64 - count));
}

// The number of set bits in each byte of `mask`, byte by byte.
ALWAYS_INLINE uint64_t bits_per_byte(uint64_t mask) {
    mask = mask - ((mask >> 1) & 0x5555555555555555ull);
    mask = (mask & 0x3333333333333333ull) + ((mask >> 2) & 0x3333333333333333ull);
    return (mask + (mask >> 4)) & 0x0F0F0F0F0F0F0F0Full;
}

// Whether `mask` (this block) and `previous` (the previous block's) have `threshold` set bits within some 24
// bytes (three consecutive 8-byte lanes). Lane counts are at most 8, so byte-wise sums of three never carry.
ALWAYS_INLINE int dense_within_24(uint64_t mask, uint64_t previous, unsigned threshold) {
    if ((unsigned)(popcount(mask) + popcount(previous >> 48)) < threshold) return 0;
    const uint64_t counts = bits_per_byte(mask), previous_counts = bits_per_byte(previous);
    const uint64_t sums = counts + ((counts << 8) | (previous_counts >> 56)) + ((counts << 16) | (previous_counts >> 48));
    const uint64_t raise = 0x0101010101010101ull * (uint64_t)(128 - threshold);
    return ((sums + raise) & 0x8080808080808080ull) != 0;
}

typedef struct {
    block_classes classes;
    uint64_t escaped_u;   // bytes that are the "u" of a "\u" escape
    uint64_t digits;      // digits that are not the hex of a "\u" escape
    uint64_t runs[5];     // runs[k]: the byte ends a run of at least k + 1 such digits
    uint64_t dotted;      // digits, and dots after a digit
    uint64_t digit_dots;  // dots after a digit
} block_state;

#define E(name, count) earlier(now->name, before->name, count)
#define R(length, count) earlier(current->runs[(length) - 1], previous->runs[(length) - 1], count)

// The digit-group triggers, matched exactly by the byte they end on: "dddd dddd", "dddddddd", "ddd-ddd-dd",
// "ddd-ddddd", "dd.dd.dd.dd", "ddd-dd-dddd" (or with spaces), "(dd". Each is built from runs of digits and the
// separators between them.
ALWAYS_INLINE uint64_t digit_groups(const block_state *previous, const block_state *current,
                                    const block_classes *before, const block_classes *now) {
    const uint64_t space_or_hyphen = now->space | now->hyphen;
    const uint64_t previous_space_or_hyphen = before->space | before->hyphen;
    const uint64_t separator = space_or_hyphen | now->dot;
    const uint64_t previous_separator = previous_space_or_hyphen | before->dot;
    const uint64_t space_or_dot = now->space | now->dot, previous_space_or_dot = before->space | before->dot;
    const uint64_t *run = current->runs;
    const uint64_t eight = run[3] & R(4, 4);
    const uint64_t four_four = run[3] & earlier(space_or_hyphen, previous_space_or_hyphen, 4) & R(4, 5);
    const uint64_t three_three_two = run[1] & earlier(separator, previous_separator, 2) & R(3, 3)
        & earlier(separator, previous_separator, 6) & R(3, 7);
    const uint64_t three_five = run[4] & earlier(separator, previous_separator, 5) & R(3, 6);
    const uint64_t pairs = run[1] & earlier(space_or_dot, previous_space_or_dot, 2) & R(2, 3)
        & earlier(space_or_dot, previous_space_or_dot, 5) & R(2, 6) & earlier(space_or_dot, previous_space_or_dot, 8)
        & R(2, 9);
    const uint64_t ssn = run[3] & earlier(space_or_hyphen, previous_space_or_hyphen, 4) & R(2, 5)
        & earlier(space_or_hyphen, previous_space_or_hyphen, 7) & R(3, 8);
    const uint64_t area_code = run[1] & E(paren, 2);
    return eight | four_four | three_three_two | three_five | pairs | ssn | area_code;
}

// Bits of `mask` in this block and the last 16 bytes of the previous one: enough to reject a block cheaply,
// since every pattern here is shorter than 16 bytes.
ALWAYS_INLINE int recent_count(uint64_t mask, uint64_t previous) {
    return popcount(mask) + popcount(previous >> 48);
}

// Each family of patterns is looked for only when the block (with the end of the previous one) has enough of
// the characters it needs: most blocks of prose have none, and the full test of every family cost more than
// a Vectorscan pass.
ALWAYS_INLINE int block_fires(const block_state *previous, block_state *current) {
    const block_classes *now = &current->classes;
    const block_classes *before = &previous->classes;
    uint64_t escape_hex = 0;
    // The "u" of "\u", but not of "\\u" (an escaped backslash, then a letter): that "u" starts no escape, and its
    // digits count. ("\\\u" is an escape missed this way: its hex then counts as digits, which only adds regions.)
    current->escaped_u = now->letter_u & E(backslash, 1) & ~E(backslash, 2);
    if (current->escaped_u | previous->escaped_u) {
        for (int distance = 1; distance <= 4; distance++) {
            escape_hex |= earlier(current->escaped_u, previous->escaped_u, distance);
        }
    }
    const uint64_t digits = current->digits = now->digit & ~escape_hex;
    uint64_t found = 0;
    if (digits | previous->digits) {
        // Runs and dotted digits are kept for every block with digits near it: the next block's patterns reach
        // back into them.
        current->runs[0] = digits;
        for (int length = 2; length <= 5; length++) {
            current->runs[length - 1] = current->runs[length - 2] & earlier(digits, previous->digits, length - 1);
        }
        current->digit_dots = now->dot & earlier(digits, previous->digits, 1);
        current->dotted = digits | current->digit_dots;
        found |= current->runs[1] & E(paren, 2);  // "(dd": an area code
        found |= digits & E(plus, 1);             // "+d": an international phone number
        if (recent_count(digits, previous->digits) >= 4) {
            found |= digit_groups(previous, current, before, now);
            // IPv4 ("1.2.3.4" and longer): seven digits and dots after digits within 24 bytes, three of them dots.
            if (dense_within_24(current->digit_dots, previous->digit_dots, 3)
                && dense_within_24(current->dotted, previous->dotted, 7)) return 1;
        }
    } else {
        memset(current->runs, 0, sizeof current->runs);
        current->digit_dots = current->dotted = 0;
    }
    // IPv6 and MAC addresses: "::" next to a hex digit; "hh:" then ":" after two to four more hex digits;
    // "-hh-hh-".
    if (recent_count(now->colon, before->colon) >= 2) {
        const uint64_t double_colon = now->colon & E(colon, 1);
        const uint64_t previous_double_colon = before->colon & (before->colon << 1);
        found |= (now->hex & earlier(double_colon, previous_double_colon, 1)) | (double_colon & E(hex, 2));
        const uint64_t hex_colon = now->colon & E(hex, 1) & E(hex, 2);
        const uint64_t previous_hex_colon = before->colon & (before->hex << 1) & (before->hex << 2);
        found |= hex_colon & (earlier(hex_colon, previous_hex_colon, 3) | earlier(hex_colon, previous_hex_colon, 4)
                              | earlier(hex_colon, previous_hex_colon, 5));
    }
    // An e-mail address: "@" between a word character and a letter, a digit, a non-ASCII byte or the backslash
    // of a "\u" escape.
    found |= (now->word | now->high | now->backslash) & E(at, 1) & E(word, 2);
    // A MAC address in Cisco's dotted form: "hhhh.hhhh.hhhh". Looked for only near digits: twelve hex digits
    // without a decimal one are improbable, and dots alone are everywhere in prose.
    if (recent_count(now->dot, before->dot) >= 2 && (digits | (previous->digits >> 48)) != 0) {
        const uint64_t hex_run = now->hex & E(hex, 1) & E(hex, 2) & E(hex, 3);
        const uint64_t previous_hex_run = before->hex & (before->hex << 1) & (before->hex << 2) & (before->hex << 3);
        found |= hex_run & E(dot, 4) & earlier(hex_run, previous_hex_run, 5) & E(dot, 9)
            & earlier(hex_run, previous_hex_run, 10);
    }
    if (recent_count(now->hyphen, before->hyphen) >= 3) {
        found |= now->hyphen & E(hex, 1) & E(hex, 2) & E(hyphen, 3) & E(hex, 4) & E(hex, 5) & E(hyphen, 6);
    }
    return found != 0;
}

// Whether `block_fires` must return 0 for the whole block at `block`, which is at least 16 bytes into the text.
// Each family of patterns needs something near its last byte that this test looks for (loosely: a superset of
// what `block_fires` tests), reading the bytes 1 to 16 before each one directly rather than carrying state
// across blocks. Most blocks of prose are quiet, and this costs a fraction of the full test, which runs only on
// the others. Both versions below test exactly the same thing.
static int block_is_quiet_portable(const uint8_t *block) {
#define AT(distance, byte) (block[index - (distance)] == (byte))
#define IS_DIGIT(value) ((value) >= '0' && (value) <= '9')
#define IS_HEX(value) (IS_DIGIT(value) || (((value) | 0x20) >= 'a' && ((value) | 0x20) <= 'f'))
    int digits = 0, dots = 0;
    for (int index = -16; index < 64; index++) {
        digits += IS_DIGIT(block[index]);
        dots += block[index] == '.';
    }
    // Digit groups are eight digits or more within 15 bytes; IPv4 four digits and three dots.
    if (digits >= 8 || (digits >= 4 && dots >= 3)) return 0;
    for (int index = 0; index < 64; index++) {
        const uint8_t byte = block[index];
        // "+d" and "(dd".
        if (IS_DIGIT(byte) && (AT(1, '+') || (IS_DIGIT(block[index - 1]) && AT(2, '(')))) return 0;
        // Cisco's "hhhh.hhhh.hhhh": dots 4 and 9 bytes before a hex digit.
        if (IS_HEX(byte) && AT(4, '.') && AT(9, '.')) return 0;
        // IPv6 and MAC: "::", or "hh:" 3 to 5 bytes after another colon.
        if (byte == ':' && (AT(1, ':') || (IS_HEX(block[index - 1]) && IS_HEX(block[index - 2])
                                           && (AT(3, ':') || AT(4, ':') || AT(5, ':'))))) return 0;
        if (AT(1, ':') && AT(2, ':')) return 0;
        // E-mail: a byte after "@"; MAC with hyphens: a hyphen 3 bytes after another.
        if (AT(1, '@') || (byte == '-' && AT(3, '-'))) return 0;
    }
    return 1;
#undef AT
#undef IS_DIGIT
#undef IS_HEX
}

#if defined(__x86_64__)
AVX512 ALWAYS_INLINE __m512i load_before(const uint8_t *block, int distance) {
    return _mm512_loadu_si512((const void *)(block - distance));
}

AVX512 ALWAYS_INLINE uint64_t hex_mask(__m512i bytes) {
    return range_mask(bytes, '0', 10) | range_mask(_mm512_or_si512(bytes, _mm512_set1_epi8(0x20)), 'a', 6);
}

AVX512 ALWAYS_INLINE int block_is_quiet_avx512(const uint8_t *block) {
    const __m512i now = load_before(block, 0), back1 = load_before(block, 1), back2 = load_before(block, 2);
    const __m512i back16 = load_before(block, 16);
    const __m512i zero_char = _mm512_set1_epi8('0'), ten = _mm512_set1_epi8(10);
    const uint64_t digit = _mm512_cmplt_epu8_mask(_mm512_sub_epi8(now, zero_char), ten);
    const int digits =
        popcount(digit) + popcount(_mm512_cmplt_epu8_mask(_mm512_sub_epi8(back16, zero_char), ten) & 0xFFFF);
    const __m512i dot_char = _mm512_set1_epi8('.');
    const int dots =
        popcount(_mm512_cmpeq_epi8_mask(now, dot_char)) + popcount(_mm512_cmpeq_epi8_mask(back16, dot_char) & 0xFFFF);
    if (digits >= 8 || (digits >= 4 && dots >= 3)) return 0;
    const __m512i colon_char = _mm512_set1_epi8(':');
    const __m512i back3 = load_before(block, 3), back4 = load_before(block, 4);
    // Masked compares ("this byte, where that mask is set") keep the tests off the mask registers' logic ports.
    // "+d" and "(dd".
    uint64_t fires = _mm512_mask_cmpeq_epi8_mask(digit, back1, _mm512_set1_epi8('+'));
    const uint64_t digit_digit = _mm512_mask_cmplt_epu8_mask(digit, _mm512_sub_epi8(back1, zero_char), ten);
    fires |= _mm512_mask_cmpeq_epi8_mask(digit_digit, back2, _mm512_set1_epi8('('));
    // Cisco's "hhhh.hhhh.hhhh".
    const uint64_t hex_now = hex_mask(now);
    fires |= _mm512_mask_cmpeq_epi8_mask(_mm512_mask_cmpeq_epi8_mask(hex_now, back4, dot_char), load_before(block, 9),
                                         dot_char);
    // IPv6 and MAC: "::" (also the one just before the block), or "hh:" 3 to 5 bytes after another colon.
    const uint64_t colon_before = _mm512_cmpeq_epi8_mask(back1, colon_char);
    const uint64_t colon = _mm512_cmpeq_epi8_mask(now, colon_char);
    fires |= colon & colon_before;
    fires |= _mm512_mask_cmpeq_epi8_mask(colon_before, back2, colon_char);
    const uint64_t hex_colon = colon & hex_mask(back1) & hex_mask(back2);
    if (hex_colon) {
        fires |= _mm512_mask_cmpeq_epi8_mask(hex_colon, back3, colon_char)
            | _mm512_mask_cmpeq_epi8_mask(hex_colon, back4, colon_char)
            | _mm512_mask_cmpeq_epi8_mask(hex_colon, load_before(block, 5), colon_char);
    }
    // E-mail: a byte after "@"; MAC with hyphens: a hyphen 3 bytes after another.
    fires |= _mm512_cmpeq_epi8_mask(back1, _mm512_set1_epi8('@'));
    const __m512i hyphen_char = _mm512_set1_epi8('-');
    fires |= _mm512_mask_cmpeq_epi8_mask(_mm512_cmpeq_epi8_mask(now, hyphen_char), back3, hyphen_char);
    return fires == 0;
}
#endif

// Adds the region around the block at `offset` (merged with the last one when they touch). False when the
// regions are full: the last one then reaches to the end of the text.
ALWAYS_INLINE int add_region(size_t offset, size_t length, shape_region *regions, size_t capacity, size_t *count) {
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

// The block state before the first block, and the "previous-previous" state of a block recomputed after a quiet
// one.
static const block_state no_state;

// One loop, compiled once per way of classifying blocks so that the classification inlines. A quiet block leaves
// no state; when the block after it is not quiet, the quiet block's state is computed from its own bytes, as if
// the block before it had none: the next block reads only its last 16 bytes' bits, which depend on nothing
// further back (every pattern is shorter than 16 bytes). `screen` 0 tests every block in full (for tests).
#define SHAPE_PREFILTER_LOOP(is_quiet, classify, screen)                                                     \
    size_t count = 0;                                                                                        \
    block_state states[2];                                                                                   \
    memset(states, 0, sizeof states);                                                                        \
    int current = 0;                                                                                         \
    int previous_state_valid = 1;                                                                            \
    uint8_t tail[64];                                                                                        \
    for (size_t offset = 0; offset < length; offset += 64) {                                                \
        const uint8_t *block = text + offset;                                                                \
        if ((screen) && offset >= 16 && length - offset >= 64 && is_quiet(block)) {                         \
            previous_state_valid = 0;                                                                        \
            continue;                                                                                        \
        }                                                                                                    \
        if (length - offset < 64) {                                                                          \
            memset(tail, 0, sizeof tail);                                                                    \
            memcpy(tail, block, length - offset);                                                            \
            block = tail;                                                                                    \
        }                                                                                                    \
        block_state *now = &states[current], *before = &states[1 - current];                                \
        current = 1 - current;                                                                               \
        if (!previous_state_valid) {                                                                         \
            /* A quiet block is never the text's last, so it is a whole one. */                              \
            classify(text + offset - 64, &before->classes);                                                  \
            block_fires(&no_state, before);                                                                  \
        }                                                                                                    \
        previous_state_valid = 1;                                                                            \
        classify(block, &now->classes);                                                                      \
        if (block_fires(before, now) && !add_region(offset, length, regions, capacity, &count)) {          \
            return count;                                                                                    \
        }                                                                                                    \
    }                                                                                                        \
    return count;

static size_t find_portable(const uint8_t *text, size_t length, shape_region *regions, size_t capacity,
                            int screen) {
    SHAPE_PREFILTER_LOOP(block_is_quiet_portable, classify_portable, screen)
}

#if defined(__x86_64__)
AVX512 static size_t find_avx512(const uint8_t *text, size_t length, shape_region *regions, size_t capacity,
                                 int screen) {
    SHAPE_PREFILTER_LOOP(block_is_quiet_avx512, classify_avx512, screen)
}
#endif

size_t shape_prefilter_find_portable(const uint8_t *text, size_t length, shape_region *regions, size_t capacity) {
    return find_portable(text, length, regions, capacity, 1);
}

size_t shape_prefilter_find_unscreened(const uint8_t *text, size_t length, shape_region *regions, size_t capacity) {
    return find_portable(text, length, regions, capacity, 0);
}

size_t shape_prefilter_find(const uint8_t *text, size_t length, shape_region *regions, size_t capacity) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx512bw")) return find_avx512(text, length, regions, capacity, 1);
#endif
    return find_portable(text, length, regions, capacity, 1);
}
