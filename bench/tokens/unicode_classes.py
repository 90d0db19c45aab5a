#!/usr/bin/env python3
"""What `\\p{L}`, `\\p{N}`, `\\s`, … mean to tiktoken, and what PCRE2 on this machine lacks of it.

tiktoken's patterns run on Rust's regex crate, whose Unicode tables (16.0 in tiktoken 0.14) are newer than
Debian 12's PCRE2 (10.42, Unicode 14.0); and PCRE2's `\\s` also matches U+180E, which Unicode dropped from
White_Space in 6.3. Letters, digits and marks assigned since Unicode 14 (CJK Extensions H and I, Kawi, Garay,
Tulu-Tigalari, …) would otherwise be cut into different pieces.

tiktoken is asked directly: an encoding whose pattern is one class and whose vocabulary is the 256 bytes keeps
exactly the characters of that class (unmatched text yields no token), so encoding every code point and decoding
the result lists the class as tiktoken sees it. PCRE2 is asked the same through ctypes (pcre2_substitute deleting
every character outside the class).

Writes:
  Tests/TokenizationTests/Fixtures/unicode-classes.json   tiktoken's classes as code-point ranges (the test
                                                           checks datalint's translated patterns against them)
  Sources/Tokenization/UnicodeAdditions.swift              the ranges PCRE2 lacks, added to each class

Usage: python3 bench/tokens/unicode_classes.py [--check]   (--check: write nothing, exit 1 if either would change)
"""

import argparse
import ctypes
import ctypes.util
import json
import pathlib
import sys

import tiktoken

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "Tests/TokenizationTests/Fixtures/unicode-classes.json"
SWIFT = ROOT / "Sources/Tokenization/UnicodeAdditions.swift"

# Every class tiktoken's cl100k_base and o200k_base patterns use.
CLASSES = [r"\p{L}", r"\p{N}", r"\p{Lu}", r"\p{Ll}", r"\p{Lt}", r"\p{Lm}", r"\p{Lo}", r"\p{M}", r"\s"]
ALL = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def tiktoken_class(pattern: str) -> set:
    ranks = {bytes([b]): b for b in range(256)}
    encoding = tiktoken.Encoding(name="class-probe", pat_str=pattern, mergeable_ranks=ranks, special_tokens={})
    return set(map(ord, encoding.decode_bytes(encoding.encode_ordinary(ALL)).decode("utf-8")))


class PCRE2:
    UTF, UCP, SUBSTITUTE_GLOBAL, SUBSTITUTE_OVERFLOW_LENGTH = 0x00080000, 0x00020000, 0x00000100, 0x00001000

    def __init__(self):
        path = ctypes.util.find_library("pcre2-8")
        if path is None:
            raise SystemExit("unicode_classes: libpcre2-8 not found (apt-get install libpcre2-dev)")
        self.lib = ctypes.CDLL(path)
        self.lib.pcre2_compile_8.restype = ctypes.c_void_p
        self.lib.pcre2_compile_8.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint32,
                                             ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_size_t),
                                             ctypes.c_void_p]
        self.lib.pcre2_substitute_8.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_size_t,
                                                ctypes.c_uint32, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p,
                                                ctypes.c_size_t, ctypes.c_char_p, ctypes.POINTER(ctypes.c_size_t)]
        self.lib.pcre2_config_8.argtypes = [ctypes.c_uint32, ctypes.c_void_p]
        version = ctypes.create_string_buffer(64)
        self.lib.pcre2_config_8(11, version)  # PCRE2_CONFIG_VERSION
        unicode = ctypes.create_string_buffer(64)
        self.lib.pcre2_config_8(10, unicode)  # PCRE2_CONFIG_UNICODE_VERSION
        self.version = f"PCRE2 {version.value.decode()} (Unicode {unicode.value.decode()})"

    def members(self, pattern: str) -> set:
        """The characters of the class `pattern`: everything else is deleted by a global substitution."""
        negated = r"\S" if pattern == r"\s" else "[^" + pattern + "]"
        error, offset = ctypes.c_int(), ctypes.c_size_t()
        source = negated.encode()
        code = self.lib.pcre2_compile_8(source, len(source), self.UTF | self.UCP, ctypes.byref(error),
                                        ctypes.byref(offset), None)
        if not code:
            raise SystemExit(f"unicode_classes: PCRE2 cannot compile {negated} (error {error.value})")
        subject = ALL.encode("utf-8", "surrogatepass")
        size = ctypes.c_size_t(len(subject) + 1)
        output = ctypes.create_string_buffer(size.value)
        result = self.lib.pcre2_substitute_8(code, subject, len(subject), 0, self.SUBSTITUTE_GLOBAL, None, None,
                                             b"", 0, output, ctypes.byref(size))
        if result < 0:
            raise SystemExit(f"unicode_classes: pcre2_substitute failed ({result})")
        return set(map(ord, output.raw[:size.value].decode("utf-8")))


def ranges(members: set) -> list:
    result = []
    for code_point in sorted(members):
        if result and result[-1][1] == code_point - 1:
            result[-1][1] = code_point
        else:
            result.append([code_point, code_point])
    return result


def swift_source(additions: dict, pcre2_version: str) -> str:
    lines = [
        "// Generated by bench/tokens/unicode_classes.py; do not edit.",
        "//",
        f"// Characters that tiktoken {tiktoken.__version__}'s regular expressions count in each class and",
        f"// {pcre2_version} does not: letters, digits and marks assigned to Unicode after",
        "// PCRE2's tables were made.",
        "// PretokenizationPattern adds them to every class it translates. A newer PCRE2 may already know them;",
        "// adding them again changes nothing.",
        "",
        "enum UnicodeAdditions {",
        "    static let ranges: [String: [ClosedRange<UInt32>]] = [",
    ]
    for name, members in additions.items():
        if name == r"\s":
            continue
        items = [f"0x{low:X}...0x{high:X}" for low, high in ranges(members)]
        if not items:
            lines.append(f"        #\"{name}\"#: [],")
            continue
        lines.append(f"        #\"{name}\"#: [")
        for start in range(0, len(items), 5):
            lines.append("            " + ", ".join(items[start:start + 5]) + ",")
        lines.append("        ],")
    lines += ["    ]", "}", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()

    pcre2 = PCRE2()
    fixture = {"source": f"tiktoken {tiktoken.__version__}", "classes": {}}
    additions = {}
    for name in CLASSES:
        expected = tiktoken_class(name)
        actual = pcre2.members(name)
        fixture["classes"][name] = ranges(expected)
        extra = actual - expected
        if name == r"\s":
            # Translated to an explicit White_Space class, so PCRE2's own \s does not matter.
            extra.discard(0x180E)
        if extra:
            listed = ", ".join(f"U+{c:04X}" for c in sorted(extra)[:10])
            raise SystemExit(f"unicode_classes: {pcre2.version} puts {len(extra)} characters in {name} that "
                             f"tiktoken does not ({listed}); adding ranges cannot fix that")
        additions[name] = expected - actual
        print(f"{name:8} tiktoken {len(expected):6}  {pcre2.version} lacks {len(additions[name]):5}", file=sys.stderr)

    fixture_text = json.dumps(fixture, separators=(",", ":")) + "\n"
    swift_text = swift_source(additions, pcre2.version)
    if args.check:
        stale = [str(p) for p, text in ((FIXTURE, fixture_text), (SWIFT, swift_text))
                 if not p.is_file() or p.read_text() != text]
        if stale:
            print("unicode_classes: out of date: " + ", ".join(stale), file=sys.stderr)
            return 1
        return 0
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(fixture_text)
    SWIFT.write_text(swift_text)
    print(f"wrote {FIXTURE.relative_to(ROOT)} and {SWIFT.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
