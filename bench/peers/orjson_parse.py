#!/usr/bin/env python3
"""Baseline for the format benchmark: parse every line of a JSONL file with orjson.

Reads the file in binary and calls orjson.loads once per line (the trailing newline is JSON white
space, so it is left on), counting lines that parse (accepted) and lines that don't (rejected).

Usage:   python3 bench/peers/orjson_parse.py FILE.jsonl
Prints:  "accepted N rejected M" on stdout.
Needs:   pip install orjson
"""

import sys

try:
    import orjson
except ImportError:
    sys.exit("orjson_parse.py: orjson is not installed (pip install orjson)")


def main() -> int:
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} FILE.jsonl", file=sys.stderr)
        return 2
    loads = orjson.loads
    error = orjson.JSONDecodeError
    accepted = rejected = 0
    with open(sys.argv[1], "rb", buffering=1 << 20) as f:
        for line in f:
            try:
                loads(line)
                accepted += 1
            except error:
                rejected += 1
    print(f"accepted {accepted} rejected {rejected}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
