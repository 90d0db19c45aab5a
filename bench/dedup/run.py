#!/usr/bin/env python3
"""Near-duplicate detection: accuracy of `datalint dedup` and datasketch's MinHashLSH against exact Jaccard,
their speed side by side, and datalint's cost from 10k to 1M records. See README.md.

    python3 bench/dedup/run.py                      # 10k, 100k and 1M records; accuracy on 100k
    python3 bench/dedup/run.py --sizes 10k,100k     # without the 1M file
    DATALINT_BIN=bench/dedup/fake_datalint.py python3 bench/dedup/run.py --sizes 2k --accuracy-size 2k

The report goes to stdout and bench/out/dedup.md; all numbers to bench/out/dedup.json; the misses and false
positives at the default threshold to bench/out/dedup.errors.jsonl. Generated data: bench/data/dedup-*.jsonl.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import textsim  # noqa: E402

DATA = os.path.join(REPO, "bench", "data")
OUT = os.path.join(REPO, "bench", "out")
TRUTH_MIN = 0.5  # every pair of sampled records with Jaccard >= this is found exactly
BANDS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0]


def parse_size(s: str) -> int:
    s = s.strip()
    mult = {"k": 1000, "K": 1000, "m": 1_000_000, "M": 1_000_000}.get(s[-1], 1)
    return int(float(s[:-1] if mult > 1 else s) * mult)


def size_name(n: int) -> str:
    if n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


def data_file(n: int, seed: int) -> str:
    suffix = "" if seed == 1 else f"-s{seed}"
    return os.path.join(DATA, f"dedup-{size_name(n)}{suffix}.jsonl")


def ensure_data(n: int, seed: int) -> str:
    path = data_file(n, seed)
    if not (os.path.exists(path) and os.path.exists(path + ".planted.json")):
        print(f"[dedup] generating {os.path.relpath(path, REPO)} ({n} records) ...", file=sys.stderr)
        subprocess.run([sys.executable, os.path.join(HERE, "make_dataset.py"), "--records", str(n),
                        "--seed", str(seed), "--out", path], check=True)
    return path


def rel(p: str) -> str:
    r = os.path.relpath(p, REPO)
    return p if r.startswith("..") else r


# --------------------------------------------------------------------------------------------------
# Running a process: wall, CPU and peak RSS of that one child (os.wait4)
# --------------------------------------------------------------------------------------------------

TIME_BIN = "/usr/bin/time"


def run_measured(cmd: list[str], stdout_path: str, stderr_path: str) -> dict:
    """Runs cmd with stdout and stderr to files; wall clock here, CPU and peak RSS from GNU time.

    Peak RSS comes from /usr/bin/time (-f %M), not from os.wait4 on a child of this process: Linux keeps a
    process's high-water RSS across execve, so a child forked from this (large) Python process would report
    at least this process's size. The child of /usr/bin/time is forked from that small program instead.
    """
    use_time = os.path.exists(TIME_BIN)
    tfile = stdout_path + ".time"
    full = ([TIME_BIN, "-f", "%M %U %S", "-o", tfile] if use_time else []) + cmd
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(full, stdout=out, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    rc = os.waitstatus_to_exitcode(status)
    m = {"cmd": cmd, "rc": rc, "wall_s": wall, "cpu_s": ru.ru_utime + ru.ru_stime, "user_s": ru.ru_utime,
         "sys_s": ru.ru_stime, "max_rss_mb": ru.ru_maxrss / 1024, "rss_source": "wait4 (upper bound)"}
    if use_time:
        try:
            last = open(tfile).read().strip().splitlines()[-1].split()
            kb, user, sys_ = int(last[0]), float(last[1]), float(last[2])
            m.update(max_rss_mb=kb / 1024, user_s=user, sys_s=sys_, cpu_s=user + sys_, rss_source="GNU time %M")
        except (OSError, IndexError, ValueError):
            pass  # killed by a signal: GNU time's last line is not the format; keep wait4's numbers
    return m


def find_datalint() -> list[str]:
    b = os.environ.get("DATALINT_BIN") or os.path.join(REPO, ".build", "release", "datalint")
    if not os.path.exists(b):
        sys.exit(f"error: no datalint binary at {b}: build it (swift build -c release --product datalint) "
                 f"or set DATALINT_BIN")
    if b.endswith(".py"):
        return [sys.executable, b]
    return [b]


class DatalintMissing(SystemExit):
    pass


def run_datalint(exe: list[str], path: str, threshold: float, hashes: int, tag: str,
                 repeat: int = 1) -> tuple[dict, dict]:
    """Runs `datalint dedup`; with repeat > 1, wall and CPU are the medians of that many runs, RSS the largest."""
    base = os.path.join(OUT, f"dedup.datalint.{tag}.t{threshold}")
    cmd = exe + ["dedup", "--threshold", str(threshold), "--hashes", str(hashes), path]
    print(f"[dedup] {' '.join(rel(c) if os.path.isabs(c) else c for c in cmd)}"
          + (f" ({repeat} times)" if repeat > 1 else ""), file=sys.stderr)
    runs = []
    for _ in range(max(1, repeat)):
        m = run_measured(cmd, base + ".json", base + ".stderr")
        runs.append(m)
        if m["rc"] != 0:
            break
    if len(runs) > 1 and m["rc"] == 0:
        m = dict(m, wall_s=statistics.median(r["wall_s"] for r in runs),
                 cpu_s=statistics.median(r["cpu_s"] for r in runs),
                 max_rss_mb=max(r["max_rss_mb"] for r in runs), runs=len(runs),
                 wall_all_s=[r["wall_s"] for r in runs])
    stderr = open(base + ".stderr", encoding="utf-8", errors="replace").read()
    if m["rc"] != 0:
        usage = m["rc"] == 2 or "Usage:" in stderr or "Unknown option" in stderr
        msg = (f"error: `{' '.join(cmd)}` exited with status {m['rc']}"
               + (" (a usage error: this datalint has no working `dedup` command yet?)" if usage else "")
               + f"\n--- its stderr ({rel(base + '.stderr')}):\n{stderr[-2000:]}")
        raise DatalintMissing(msg)
    try:
        doc = json.load(open(base + ".json", encoding="utf-8"))
    except ValueError as e:
        raise DatalintMissing(f"error: `{' '.join(cmd)}` did not print one JSON document on stdout ({e}); "
                              f"see {rel(base + '.json')}")
    m["out_bytes"] = os.path.getsize(base + ".json")
    return doc, m


def clusters_of_doc(doc: dict, path: str) -> list[list[int]]:
    out = []
    for c in doc.get("clusters", []):
        recs = [c["kept"]] + list(c.get("members", []))
        for r in recs:
            if os.path.basename(r["file"]) != os.path.basename(path):
                raise SystemExit(f"error: datalint reported a record of another file: {r}")
        out.append(sorted(r["line"] for r in recs))
    return out


# --------------------------------------------------------------------------------------------------
# datasketch worker (its own process, so its time and peak memory are its own)
# --------------------------------------------------------------------------------------------------

def datasketch_worker(path: str, thresholds: list[float], hashes: int, out_path: str, verify: bool):
    import numpy as np
    from datasketch import MinHash, MinHashLSH
    import datasketch

    tim = {"read_s": 0.0, "prep_s": 0.0, "signatures_s": 0.0, "verify_prep_s": 0.0}
    cpu = {"prep_s": 0.0, "signatures_s": 0.0, "verify_prep_s": 0.0}
    keys: list[int] = []
    mhs = []
    exact_sets = {}  # line -> sorted int64 array of shingle hashes (for the verified variant)
    chunk_keys, chunk = [], []

    def flush():
        t0, c0 = time.perf_counter(), time.process_time()
        mhs.extend(MinHash.bulk(chunk, num_perm=hashes))
        tim["signatures_s"] += time.perf_counter() - t0
        cpu["signatures_s"] += time.process_time() - c0
        keys.extend(chunk_keys)
        chunk.clear()
        chunk_keys.clear()

    t_read = time.perf_counter()
    with open(path, "rb") as f:
        raw = f.read().split(b"\n")
    tim["read_s"] = time.perf_counter() - t_read
    for n, line in enumerate(raw, 1):
        if not line.strip():
            continue
        t0, c0 = time.perf_counter(), time.process_time()
        sh = textsim.shingles(line)
        enc = [s.encode("utf-8") for s in sh]
        tim["prep_s"] += time.perf_counter() - t0
        cpu["prep_s"] += time.process_time() - c0
        if verify:
            t0, c0 = time.perf_counter(), time.process_time()
            arr = np.fromiter((hash(s) for s in sh), dtype=np.int64, count=len(sh))
            arr.sort()
            exact_sets[n] = arr
            tim["verify_prep_s"] += time.perf_counter() - t0
            cpu["verify_prep_s"] += time.process_time() - c0
        chunk.append(enc)
        chunk_keys.append(n)
        if len(chunk) >= 2000:
            flush()
    del raw
    if chunk:
        flush()

    results = {"datasketch_version": datasketch.__version__, "records": len(keys), "timings": tim, "cpu": cpu,
               "thresholds": {}}
    for t in thresholds:
        t0, c0 = time.perf_counter(), time.process_time()
        lsh = MinHashLSH(threshold=t, num_perm=hashes)
        for k, m in zip(keys, mhs):
            lsh.insert(k, m, check_duplication=False)
        cand = set()
        uf = textsim.UnionFind()
        for k, m in zip(keys, mhs):
            for o in lsh.query(m):
                if o != k:
                    uf.union(k, o)
                    cand.add((k, o) if k < o else (o, k))
        lsh_wall, lsh_cpu = time.perf_counter() - t0, time.process_time() - c0
        raw_groups = uf.groups()
        entry = {"b_r": list(lsh.b_r) if hasattr(lsh, "b_r") else [lsh.b, lsh.r],
                 "lsh_s": lsh_wall, "lsh_cpu_s": lsh_cpu, "candidate_pairs": len(cand), "raw": raw_groups}
        if verify:
            t0, c0 = time.perf_counter(), time.process_time()
            uf2 = textsim.UnionFind()
            for a, b in cand:
                x, y = exact_sets[a], exact_sets[b]
                inter = len(np.intersect1d(x, y, assume_unique=True))
                if inter / (len(x) + len(y) - inter) >= t:
                    uf2.union(a, b)
            entry["verify_s"] = time.perf_counter() - t0
            entry["verify_cpu_s"] = time.process_time() - c0
            entry["verified"] = uf2.groups()
        results["thresholds"][str(t)] = entry
        del lsh
    with open(out_path, "w") as f:
        json.dump(results, f)


def run_datasketch(path: str, thresholds: list[float], hashes: int, tag: str, verify: bool) -> dict:
    out = os.path.join(OUT, f"dedup.datasketch.{tag}.json")
    cmd = [sys.executable, os.path.abspath(__file__), "--worker-datasketch", path, "--thresholds",
           ",".join(map(str, thresholds)), "--hashes", str(hashes), "--worker-out", out]
    if not verify:
        cmd.append("--no-verify")
    print(f"[dedup] datasketch MinHashLSH on {rel(path)} at {thresholds} ...", file=sys.stderr)
    m = run_measured(cmd, out + ".stdout", out + ".stderr")
    if m["rc"] != 0:
        sys.exit(f"error: the datasketch worker failed (status {m['rc']}):\n"
                 + open(out + ".stderr").read()[-3000:])
    res = json.load(open(out))
    res["process"] = m
    return res


def datasketch_time(res: dict, t: float, verified: bool = False) -> tuple[float, float]:
    """(wall, cpu) of signatures + LSH at t (+ exact verification), excluding reading and text preparation."""
    e = res["thresholds"][str(t)]
    wall = res["timings"]["signatures_s"] + e["lsh_s"]
    cpu = res["cpu"]["signatures_s"] + e["lsh_cpu_s"]
    if verified:
        wall += res["timings"]["verify_prep_s"] + e["verify_s"]
        cpu += res["cpu"]["verify_prep_s"] + e["verify_cpu_s"]
    return wall, cpu


# --------------------------------------------------------------------------------------------------
# Ground truth and scoring
# --------------------------------------------------------------------------------------------------

def load_planted(path: str) -> dict:
    return json.load(open(path + ".planted.json", encoding="utf-8"))


def build_sample(path: str, n_records: int, planted: dict, n_random: int, seed: int,
                 tool_groups: list[list[list[int]]], cap: int) -> tuple[set[int], dict]:
    planted_lines = set()
    for g in planted["groups"]:
        planted_lines.add(g["base"])
        planted_lines.update(m["line"] for m in g["members"])
    others = [i for i in range(1, n_records + 1) if i not in planted_lines]
    rng = random.Random(seed)
    rand = set(rng.sample(others, min(n_random, len(others))))
    flagged = set()
    for groups in tool_groups:
        for g in groups:
            flagged.update(g)
    flagged -= planted_lines | rand
    info = {"planted": len(planted_lines), "random": len(rand), "flagged_only": len(flagged), "flagged_capped": False}
    if len(flagged) > cap:
        flagged = set(rng.sample(sorted(flagged), cap))
        info["flagged_capped"] = True
    sample = planted_lines | rand | flagged
    info["total"] = len(sample)
    return sample, info


def read_sample(path: str, sample: set[int]) -> dict[int, set[str]]:
    sets = {}
    with open(path, "rb") as f:
        for n, line in enumerate(f, 1):
            if n in sample:
                sets[n] = textsim.shingles(line)
    return sets


def truth_at(edges: dict[tuple[int, int], float], t: float) -> set[tuple[int, int]]:
    """Pairs in the same connected component of the graph of sampled pairs with Jaccard >= t."""
    uf = textsim.UnionFind()
    for (a, b), j in edges.items():
        if j >= t:
            uf.union(a, b)
    return textsim.pairs_within(uf.groups())


def predicted_pairs(groups: list[list[int]], sample: set[int]) -> set[tuple[int, int]]:
    return textsim.pairs_within([x for x in g if x in sample] for g in groups)


def score(pred: set, truth: set) -> dict:
    tp = len(pred & truth)
    return {"tp": tp, "fp": len(pred) - tp, "fn": len(truth) - tp, "predicted": len(pred), "truth": len(truth),
            "precision": tp / len(pred) if pred else 1.0, "recall": tp / len(truth) if truth else 1.0}


def band_of(j: float) -> str:
    if j >= 1.0:
        return "1.0"
    for lo, hi in zip(BANDS, BANDS[1:]):
        if lo <= j < hi:
            return f"[{lo:.2f}, {hi:.2f})"
    return "<0.5"


# --------------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------------

def fmt_s(x: float) -> str:
    return f"{x:.2f} s" if x < 10 else f"{x:.1f} s"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10k,100k,1M", help="record counts for the scale runs (default 10k,100k,1M)")
    ap.add_argument("--accuracy-size", default="100k", help="records in the accuracy/side-by-side file (default 100k)")
    ap.add_argument("--thresholds", default="0.7,0.8,0.9")
    ap.add_argument("--default-threshold", type=float, default=0.8)
    ap.add_argument("--hashes", type=int, default=128)
    ap.add_argument("--sample", type=int, default=5000, help="random non-planted records in the sample (default 5000)")
    ap.add_argument("--flagged-cap", type=int, default=20000,
                    help="at most this many records that a tool clustered are added to the sample (default 20000)")
    ap.add_argument("--seed", type=int, default=1, help="dataset seed (default 1)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="datalint runs per measurement below 1M records, medians reported (default 3; 1M: once)")
    ap.add_argument("--skip-datasketch", action="store_true")
    ap.add_argument("--datasketch-scale", default="10k,100k",
                    help="sizes datasketch also runs at the default threshold for the scale table (default 10k,100k; "
                         "'' for none)")
    ap.add_argument("--no-verify", action="store_true", help="skip datasketch's exact-verification variant")
    ap.add_argument("--worker-datasketch", help=argparse.SUPPRESS)
    ap.add_argument("--worker-out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    thresholds = [float(x) for x in args.thresholds.split(",")]
    if args.worker_datasketch:
        datasketch_worker(args.worker_datasketch, thresholds, args.hashes, args.worker_out, not args.no_verify)
        return
    if args.default_threshold not in thresholds:
        sys.exit("error: --default-threshold must be one of --thresholds")
    os.makedirs(OUT, exist_ok=True)
    os.makedirs(DATA, exist_ok=True)
    sizes = sorted({parse_size(s) for s in args.sizes.split(",") if s})
    acc_n = parse_size(args.accuracy_size)
    ds_scale = sorted({parse_size(s) for s in args.datasketch_scale.split(",") if s} & (set(sizes) | {acc_n}))
    exe = find_datalint()
    t_start = time.perf_counter()

    # 0. datalint must have `dedup`: fail early, with a clear message, before minutes of other work.
    pre = os.path.join(OUT, "dedup.preflight.jsonl")
    with open(pre, "w") as f:
        rec = {"messages": [{"role": "user", "content": "one two three four five six seven"}]}
        f.write(json.dumps(rec) + "\n" + json.dumps(rec) + "\n")
    try:
        doc, _ = run_datalint(exe, pre, args.default_threshold, args.hashes, "preflight")
    except DatalintMissing as e:
        print(str(e), file=sys.stderr)
        print("\nThe dedup benchmark needs `datalint dedup [--threshold T] [--hashes N] FILE...` (see "
              "bench/dedup/README.md). To test this harness without it:\n"
              "  DATALINT_BIN=bench/dedup/fake_datalint.py python3 bench/dedup/run.py --sizes 2k --accuracy-size 2k",
              file=sys.stderr)
        sys.exit(2)
    if not (doc.get("records") == 2 and len(doc.get("clusters", [])) == 1):
        print(f"warning: on two identical records datalint printed {json.dumps(doc)[:300]}", file=sys.stderr)

    # 1. Accuracy file: both tools at every threshold.
    acc_path = ensure_data(acc_n, args.seed)
    planted = load_planted(acc_path)
    tag = size_name(acc_n)
    dl_runs = {}
    for t in thresholds:
        doc, m = run_datalint(exe, acc_path, t, args.hashes, tag, args.repeat)
        m["records"] = doc.get("records")
        m["doc_threshold"] = doc.get("threshold")
        dl_runs[t] = (clusters_of_doc(doc, acc_path), m, doc)
    ds = None
    if not args.skip_datasketch:
        ds = run_datasketch(acc_path, thresholds, args.hashes, tag, not args.no_verify)

    # 2. Ground truth on the sample: planted records, random others, and every record a tool clustered.
    tool_groups = [dl_runs[t][0] for t in thresholds]
    if ds:
        for t in thresholds:
            tool_groups.append(ds["thresholds"][str(t)]["raw"])
            tool_groups.append(ds["thresholds"][str(t)].get("verified", []))
    sample, sample_info = build_sample(acc_path, planted["records"], planted, args.sample, args.seed + 101,
                                       tool_groups, args.flagged_cap)
    print(f"[dedup] ground truth: exact Jaccard of every pair >= {TRUTH_MIN} among {len(sample)} sampled records ...",
          file=sys.stderr)
    t0 = time.perf_counter()
    sets = read_sample(acc_path, sample)
    edges = textsim.similarity_join(sets, TRUTH_MIN)
    truth_s = time.perf_counter() - t0

    # datalint's reported similarities against the exact ones.
    sim_err = []
    for t in thresholds:
        for c in dl_runs[t][2].get("clusters", []):
            k = c["kept"]["line"]
            for mem in c.get("members", []):
                if k in sets and mem["line"] in sets and "similarity" in mem:
                    sim_err.append(abs(mem["similarity"] - textsim.jaccard(sets[k], sets[mem["line"]])))

    # 3. Scores.
    tools = {"datalint": {t: dl_runs[t][0] for t in thresholds}}
    if ds:
        tools["datasketch MinHashLSH"] = {t: ds["thresholds"][str(t)]["raw"] for t in thresholds}
        if not args.no_verify:
            tools["datasketch + exact check"] = {t: ds["thresholds"][str(t)]["verified"] for t in thresholds}
    scores = {}
    truth_sets = {t: truth_at(edges, t) for t in thresholds}
    for name, by_t in tools.items():
        scores[name] = {t: score(predicted_pairs(by_t[t], sample), truth_sets[t]) for t in thresholds}

    # Recall by Jaccard band at the default threshold: of the sampled pairs in each band, how many share a cluster.
    dt = args.default_threshold
    band_rows = {}
    for (a, b), j in edges.items():
        band_rows.setdefault(band_of(j), []).append((a, b))
    same_cluster = {}
    for name, by_t in tools.items():
        cl = {}
        for gi, g in enumerate(by_t[dt]):
            for x in g:
                cl[x] = gi
        same_cluster[name] = cl

    # Errors at the default threshold.
    errors = []
    for name, by_t in tools.items():
        pred = predicted_pairs(by_t[dt], sample)
        for a, b in sorted(pred - truth_sets[dt]):
            errors.append({"tool": name, "kind": "false positive", "lines": [a, b],
                           "jaccard": round(textsim.jaccard(sets[a], sets[b]), 4)})
        for a, b in sorted(truth_sets[dt] - pred):
            errors.append({"tool": name, "kind": "miss", "lines": [a, b],
                           "jaccard": round(textsim.jaccard(sets[a], sets[b]), 4)})
    with open(os.path.join(OUT, "dedup.errors.jsonl"), "w") as f:
        for e in errors:
            f.write(json.dumps(e) + "\n")

    # 4. Scale: datalint at the default threshold on every size (the accuracy file's run is reused).
    scale = {}
    for n in sizes:
        if n == acc_n:
            m = dl_runs[dt][1]
        else:
            path = ensure_data(n, args.seed)
            doc, m = run_datalint(exe, path, dt, args.hashes, size_name(n), args.repeat if n < 1_000_000 else 1)
            m["records"] = doc.get("records")
            m["clusters"] = len(doc.get("clusters", []))
        m["bytes"] = os.path.getsize(data_file(n, args.seed))
        scale[n] = m
    ds_scale_res = {}
    if ds and ds_scale:
        for n in ds_scale:
            if n == acc_n:
                ds_scale_res[n] = ds
            else:
                path = ensure_data(n, args.seed)
                ds_scale_res[n] = run_datasketch(path, [dt], args.hashes, size_name(n), False)

    # 5. Report.
    L = []
    p = L.append
    acc_bytes = os.path.getsize(acc_path)
    p("## Near duplicates: `datalint dedup` and datasketch `MinHashLSH`\n")
    p(f"Generated by `python3 bench/dedup/run.py` ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores). "
      f"datalint: `{' '.join(rel(c) if os.path.isabs(c) else c for c in exe)}`"
      + (f"; datasketch {ds['datasketch_version']}" if ds else "") + f"; {args.hashes} hash values.\n")
    p(f"Accuracy file: `{rel(acc_path)}`, {planted['records']:,} records ({acc_bytes / 1e6:.0f} MB), "
      f"{len(planted['groups']):,} planted groups ({planted['planted_records']:,} records). "
      f"Sample: {sample_info['planted']:,} planted + {sample_info['random']:,} random other records + "
      f"{sample_info['flagged_only']:,} other records some tool clustered"
      + (" (capped)" if sample_info["flagged_capped"] else "")
      + f" = {sample_info['total']:,}; {len(edges):,} pairs with Jaccard ≥ {TRUTH_MIN} among them "
      f"(exact, {truth_s:.0f} s).\n")
    p("A true pair at threshold t: two sampled records joined by a chain of pairs with exact Jaccard ≥ t. "
      "A predicted pair: two sampled records in the same cluster. Precision = true predicted pairs / predicted "
      "pairs; recall = true predicted pairs / true pairs.\n")
    p("### Accuracy\n")
    p("| tool | threshold | true pairs | predicted | precision | recall |")
    p("|---|---:|---:|---:|---:|---:|")
    for name in tools:
        for t in thresholds:
            s = scores[name][t]
            mark = " (default)" if t == dt else ""
            p(f"| {name} | {t}{mark} | {s['truth']:,} | {s['predicted']:,} | {s['precision']:.3f} | {s['recall']:.3f} |")
    p("")
    p(f"Share of sampled pairs in the same cluster, by exact Jaccard, at threshold {dt} (pairs below {dt} count "
      f"as correct only through a chain):\n")
    names = list(tools)
    p("| Jaccard | pairs | " + " | ".join(names) + " |")
    p("|---|---:|" + "---:|" * len(names))
    order = [band_of(x) for x in BANDS[:-1]] + ["1.0"]
    for band in order:
        prs = band_rows.get(band, [])
        if not prs:
            continue
        cells = []
        for name in names:
            cl = same_cluster[name]
            hit = sum(1 for a, b in prs if a in cl and cl.get(a) == cl.get(b))
            cells.append(f"{hit / len(prs):.3f}")
        p(f"| {band} | {len(prs):,} | " + " | ".join(cells) + " |")
    p("")
    if sim_err:
        p(f"datalint's reported similarities ({len(sim_err):,} members) differ from the exact Jaccard by at most "
          f"{max(sim_err):.4f} (mean {statistics.mean(sim_err):.5f}).\n")
    p("### Speed, side by side\n")
    p(f"Same file ({planted['records']:,} records, {acc_bytes / 1e6:.0f} MB). datalint: median of "
      f"{max(1, args.repeat)} runs of the whole "
      f"command (reading, parsing, shingling, MinHash, LSH, exact check, clustering, JSON output), wall and CPU "
      f"(user + sys) of its process. datasketch: only MinHash signatures (`MinHash.bulk`) + `MinHashLSH` insert + "
      f"query + union-find, in Python's clock; reading the file and preparing the shingles (JSON parsing, "
      f"normalisation, shingling, in the same Python code for all) are left out"
      + (f" ({ds['timings']['prep_s']:.1f} s)" if ds else "") + ".\n")
    if ds:
        prep = ds["timings"]["prep_s"]
        p("| threshold | datalint wall | datalint CPU | datalint peak RSS | datasketch: signatures + LSH | ratio | "
          "+ text prep | ratio | + exact check |")
        p("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for t in thresholds:
            m = dl_runs[t][1]
            w, _ = datasketch_time(ds, t)
            wv = datasketch_time(ds, t, True)[0] + prep if not args.no_verify else float("nan")
            p(f"| {t} | {fmt_s(m['wall_s'])} | {fmt_s(m['cpu_s'])} | {m['max_rss_mb']:.0f} MB | {fmt_s(w)} | "
              f"{w / m['wall_s']:.1f}× | {fmt_s(w + prep)} | {(w + prep) / m['wall_s']:.1f}× | {fmt_s(wv)} |")
        p("")
        p("ratio = datasketch time / datalint wall time. \"signatures + LSH\" is the comparison the benchmark "
          "asks for; \"+ text prep\" adds the JSON parsing and shingling datasketch needs as input (datalint's "
          "time always includes its own); \"+ exact check\" also adds verifying datasketch's candidate pairs by "
          "exact Jaccard (numpy), as datalint does.\n")
        b = {str(t): ds["thresholds"][str(t)]["b_r"] for t in thresholds}
        p(f"datasketch chose (bands, rows) = {', '.join(f'{k}: {tuple(v)}' for k, v in b.items())}; its process "
          f"(all thresholds, with the exact-check data) peaked at {ds['process']['max_rss_mb']:.0f} MB.\n")
    else:
        p("datasketch not run (--skip-datasketch).\n")
    p(f"### Scale (datalint, threshold {dt})\n")
    p(f"Median of {max(1, args.repeat)} runs below 1M records, one run at 1M; peak RSS: the largest.\n")
    p("| records | size | wall | CPU | peak RSS | records/s | wall per 100k records |"
      + (" datasketch (signatures + LSH) |" if ds_scale_res else ""))
    p("|---:|---:|---:|---:|---:|---:|---:|" + ("---:|" if ds_scale_res else ""))
    for n in sizes:
        m = scale[n]
        row = (f"| {n:,} | {m['bytes'] / 1e6:,.0f} MB | {fmt_s(m['wall_s'])} | {fmt_s(m['cpu_s'])} | "
               f"{m['max_rss_mb']:.0f} MB | {n / m['wall_s']:,.0f} | {m['wall_s'] / n * 1e5:.2f} s |")
        if ds_scale_res:
            row += (f" {fmt_s(datasketch_time(ds_scale_res[n], dt)[0])} |" if n in ds_scale_res else " not run |")
        p(row)
    p("")
    if ds_scale_res:
        big = max(ds_scale)
        r = ds_scale_res[big]
        per = (r["timings"]["prep_s"] + r["timings"]["signatures_s"]) / r["records"]
        p(f"datasketch runs only on {', '.join(size_name(n) for n in ds_scale)} records (pure Python: at its "
          f"{size_name(big)} rate, text preparation and signatures alone would take {per * 1e6 / 60:.0f} minutes for "
          f"1M records, on one core).\n")
    p(f"Whole benchmark: {time.perf_counter() - t_start:.0f} s.\n")
    report = "\n".join(L)
    print(report)
    with open(os.path.join(OUT, "dedup.md"), "w") as f:
        f.write(report + "\n")

    def jsonable(o):
        if isinstance(o, dict):
            return {str(k): jsonable(v) for k, v in o.items()}
        if isinstance(o, (list, tuple)):
            return [jsonable(v) for v in o]
        return o
    ds_summary = None
    if ds:
        ds_summary = {k: v for k, v in ds.items() if k != "thresholds"}
        ds_summary["thresholds"] = {t: {k: v for k, v in e.items() if k not in ("raw", "verified")}
                                    for t, e in ds["thresholds"].items()}
    with open(os.path.join(OUT, "dedup.json"), "w") as f:
        json.dump(jsonable({"accuracy_file": rel(acc_path), "sample": sample_info, "truth_pairs_ge_0.5": len(edges),
                            "scores": scores, "datalint_runs": {t: dl_runs[t][1] for t in thresholds},
                            "datasketch": ds_summary, "scale": scale,
                            "similarity_error_max": max(sim_err) if sim_err else None}), f, indent=1)


if __name__ == "__main__":
    main()
