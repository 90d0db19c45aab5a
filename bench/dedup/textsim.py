"""The definitions the dedup benchmark shares: a record's compared text, its 5-word shingles, Jaccard
similarity, an exact all-pairs similarity join, and union-find.

These restate the definitions of `datalint dedup` in Python (see README.md):

  - compared text: every string value of the record (not keys), in document order, joined with "\\n", then
    Unicode NFC, case folding (`str.casefold`) and white space collapsed (runs of white space become one
    space, none at the ends);
  - shingles: the set of runs of 5 consecutive words (words split at white space), each run joined with
    one space; a text of fewer than 5 words is one shingle (the whole text);
  - similarity: Jaccard of the two shingle sets, |A ∩ B| / |A ∪ B|.

Only the standard library is used.
"""

from __future__ import annotations

import json
import math
import unicodedata
from typing import Iterable

SHINGLE_WORDS = 5


def string_values(value, out: list[str]) -> list[str]:
    """Appends every string value of a parsed JSON value (not object keys), in document order."""
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for v in value.values():
            string_values(v, out)
    elif isinstance(value, list):
        for v in value:
            string_values(v, out)
    return out


def compared_text_of_record(record) -> str:
    text = "\n".join(string_values(record, []))
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def compared_text(line: str | bytes) -> str:
    return compared_text_of_record(json.loads(line))


def shingles_of_text(text: str) -> set[str]:
    words = text.split(" ") if text else []
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)}
    return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def shingles(line: str | bytes) -> set[str]:
    return shingles_of_text(compared_text(line))


def jaccard(a: set, b: set) -> float:
    if not a and not b:
        return 1.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def similarity_join(sets: dict[int, set], threshold: float) -> dict[tuple[int, int], float]:
    """Every pair (i, j), i < j, of the given sets with Jaccard >= threshold, with its exact Jaccard.

    Exact, not approximate: an all-pairs join with prefix filtering (Bayardo et al., "Scaling up all pairs
    similarity search", WWW 2007). Tokens are ordered by ascending frequency; two sets with Jaccard >= t
    share at least ceil(t * max(|x|, |y|)) tokens, so they share a token among the first
    |x| - ceil(t * |x|) + 1 tokens of each, and only those prefixes are indexed and probed. Every candidate
    is verified with the exact Jaccard of the full sets, so the result is the same as comparing every pair.
    """
    if threshold <= 0:
        raise ValueError("threshold must be > 0")
    freq: dict = {}
    for s in sets.values():
        for tok in s:
            freq[tok] = freq.get(tok, 0) + 1
    rank = {tok: r for r, tok in enumerate(sorted(freq, key=lambda t: (freq[t], t)))}
    ordered = {k: sorted(rank[t] for t in s) for k, s in sets.items()}
    keys = sorted(sets, key=lambda k: (len(ordered[k]), k))
    index: dict[int, list[int]] = {}
    out: dict[tuple[int, int], float] = {}
    for k in keys:
        toks = ordered[k]
        n = len(toks)
        prefix = n - math.ceil(threshold * n - 1e-9) + 1
        min_size = threshold * n - 1e-9
        cands = set()
        for tok in toks[:prefix]:
            lst = index.get(tok)
            if lst:
                cands.update(lst)
            if lst is None:
                index[tok] = [k]
            else:
                lst.append(k)
        a = sets[k]
        for c in cands:
            if len(ordered[c]) < min_size:
                continue  # size filter: |y| < t |x| means Jaccard < t
            j = jaccard(a, sets[c])
            if j >= threshold:
                out[(c, k) if c < k else (k, c)] = j
    return out


def naive_join(sets: dict[int, set], threshold: float) -> dict[tuple[int, int], float]:
    """The same as similarity_join, by comparing every pair (for testing)."""
    keys = sorted(sets)
    out = {}
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            j = jaccard(sets[a], sets[b])
            if j >= threshold:
                out[(a, b)] = j
    return out


class UnionFind:
    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        p = self.parent
        root = x
        while p.get(root, root) != root:
            root = p[root]
        while p.get(x, x) != root:
            p[x], x = root, p[x]
        return root

    def union(self, a, b):
        self.parent.setdefault(a, a)
        self.parent.setdefault(b, b)
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra

    def groups(self, items: Iterable | None = None) -> list[list]:
        """Components with at least two members, each sorted, in order of their smallest member."""
        comp: dict = {}
        for x in (self.parent if items is None else items):
            comp.setdefault(self.find(x), []).append(x)
        return sorted((sorted(v) for v in comp.values() if len(v) > 1), key=lambda g: g[0])


def pairs_within(groups: Iterable[Iterable]) -> set[tuple]:
    out = set()
    for g in groups:
        g = sorted(g)
        for i, a in enumerate(g):
            for b in g[i + 1:]:
                out.add((a, b))
    return out
