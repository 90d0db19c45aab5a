#!/usr/bin/env python3
"""A stand-in for `datalint`, to test run_eval.py before datalint's `pii` stage exists.

    DATALINT_BIN=bench/pii/fake_datalint.py python3 bench/pii/run_eval.py --no-large

It accepts `check --select pii,secret --format json [--jobs N] FILE`, reads FILE's labels sidecar
(FILE.labels.jsonl) and prints datalint-style JSON diagnostics with known, deliberate imperfections, so the
scorer's arithmetic can be checked against what it was fed (the expected numbers go to stderr and to
FILE.fake-expected.json):

  - it reports 90% of the positives of each entity type, at the labeled span; every 7th of those reported is
    one byte short at the end (overlaps, but is not an exact span); every 50th is reported at severity info
    (a "downgraded" miss);
  - it reports every info label at severity info;
  - it reports every 20th hard negative as its labeled type (a false positive);
  - it reports one diagnostic on unlabeled text (column 1 of line 1) as pii/phone;
  - it never reports `pii/date-of-birth`.

FAKE_DATALINT_MODE=unknown-selector makes it fail like datalint without a `pii` stage (exit 2, "names no
diagnostic code"). Files without a sidecar (the speed files) are read and produce no diagnostics.
"""

import collections
import json
import os
import sys


def main(argv):
    if os.environ.get("FAKE_DATALINT_MODE") == "unknown-selector":
        print("Error: 'pii' names no diagnostic code (families: format, waiver; codes are listed in docs/)",
              file=sys.stderr)
        print("Usage: datalint check [<options>] [<FILE> ...]", file=sys.stderr)
        return 2
    if len(argv) < 2 or argv[0] != "check":
        print("usage: fake_datalint.py check --select pii,secret --format json FILE", file=sys.stderr)
        return 2
    path = argv[-1]
    with open(path, "rb") as f:
        nlines = sum(1 for _ in f)
    sidecar = path + ".labels.jsonl"
    if not os.path.exists(sidecar):
        print(f"checked 1 file, {nlines} records: no problems", file=sys.stderr)
        return 0
    out = sys.stdout
    seen = collections.Counter()
    exp = collections.defaultdict(lambda: collections.Counter())
    neg_i = 0

    def emit(lab, sev, code, end_delta=0):
        out.write(json.dumps({"file": path, "line": lab["line"], "column": lab["start"] + 1, "endLine": lab["line"],
                              "endColumn": lab["end"] + 1 + end_delta, "severity": sev, "code": code,
                              "message": "fake"}) + "\n")

    with open(sidecar, encoding="utf-8") as f:
        for raw in f:
            lab = json.loads(raw)
            t = lab["type"]
            if lab["class"] == "positive":
                exp[t]["n"] += 1
                if t == "pii/date-of-birth":
                    continue
                seen[t] += 1
                k = seen[t]
                if k % 10 == 0:
                    continue  # 10% missed
                if k % 50 == 1 and k > 1:
                    emit(lab, "info", t)
                    exp[t]["downgraded"] += 1
                    continue
                short = -1 if (k % 7 == 0 and lab["end"] - lab["start"] > 2) else 0
                emit(lab, "error" if t.startswith("secret/") else "warning", t, short)
                exp[t]["tp"] += 1
                exp[t]["exact"] += short == 0
            elif lab["class"] == "info":
                emit(lab, "info", t)
            else:
                neg_i += 1
                if neg_i % 20 == 0:
                    emit(lab, "warning", t)
                    exp[t]["fp"] += 1
    out.write(json.dumps({"file": path, "line": 1, "column": 1, "endLine": 1, "endColumn": 3, "severity": "warning",
                          "code": "pii/phone", "message": "fake unlabeled"}) + "\n")
    exp["pii/phone"]["fp"] += 1
    with open(path + ".fake-expected.json", "w") as f:
        json.dump(exp, f, indent=1, sort_keys=True)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
