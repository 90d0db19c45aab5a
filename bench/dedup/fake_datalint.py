#!/usr/bin/env python3
"""A stand-in for `datalint dedup`, to test run.py before the command exists.

    DATALINT_BIN=bench/dedup/fake_datalint.py python3 bench/dedup/run.py --sizes 2k --accuracy-size 2k

It accepts `dedup [--threshold T] [--hashes N] FILE...` and prints the JSON document `datalint dedup` prints,
computed exactly (no MinHash): every pair of records with Jaccard >= T (textsim.similarity_join over the
whole input), clustered by union-find; a cluster's kept record is its first (file order, then line), its
members carry their exact Jaccard with the kept record. It holds every record's shingles in memory and is
slow (pure Python): use it on small files only (a 20,000-record file takes about a minute).

FAKE_DATALINT_MODE changes it, to check run.py's scoring against known errors:
  - exact (default): the exact clusters; run.py should report precision and recall 1.000;
  - lossy: every 4th qualifying pair (in sorted order) is dropped before clustering, so recall falls
    below 1 (unless chains reconnect the records) and precision stays 1.000;
  - noisy: also puts the first and the last record that are in no cluster into one extra cluster, a pair
    that is not similar: exactly one predicted pair more than `exact`, a false positive;
  - no-dedup: fails like datalint without the command (exit 2, a usage error on stderr).
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import textsim  # noqa: E402


def main(argv):
    mode = os.environ.get("FAKE_DATALINT_MODE", "exact")
    if mode == "no-dedup" or not argv or argv[0] != "dedup":
        print("Error: Unknown option '--threshold'", file=sys.stderr)
        print("Usage: datalint <subcommand>", file=sys.stderr)
        print("  See 'datalint --help' for more information.", file=sys.stderr)
        return 2
    threshold, files = 0.8, []
    args = argv[1:]
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--threshold":
            threshold = float(args[i + 1])
            i += 2
        elif a == "--hashes":
            i += 2
        elif a.startswith("-"):
            print(f"Error: Unknown option '{a}'", file=sys.stderr)
            return 2
        else:
            files.append(a)
            i += 1
    sets = {}
    where = {}
    k = 0
    for path in files:
        with open(path, "rb") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                sets[k] = textsim.shingles(line)
                where[k] = (path, n)
                k += 1
    pairs = sorted(textsim.similarity_join(sets, threshold))
    if mode == "lossy":
        pairs = [p for i, p in enumerate(pairs) if i % 4 != 3]
    uf = textsim.UnionFind()
    for a, b in pairs:
        uf.union(a, b)
    if mode == "noisy":
        clustered = set(x for g in uf.groups() for x in g)
        singles = [i for i in range(k) if i not in clustered]
        if len(singles) >= 2:
            uf.union(singles[0], singles[-1])
    clusters = []
    for g in uf.groups():
        kept = g[0]
        clusters.append({"kept": {"file": where[kept][0], "line": where[kept][1]},
                         "members": [{"file": where[m][0], "line": where[m][1],
                                      "similarity": round(textsim.jaccard(sets[kept], sets[m]), 4)}
                                     for m in g[1:]]})
    json.dump({"threshold": threshold, "records": k, "clusters": clusters}, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
