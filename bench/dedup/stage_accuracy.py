#!/usr/bin/env python3
"""Accuracy of the `dedup` stage's dup/exact and dup/near diagnostics (what `datalint check` and the editor show),
scored exactly like `run.py` scores `datalint dedup`: planted near duplicates of bench/data/dedup-100k.jsonl, the
true Jaccard of every sampled pair by brute force, precision and recall of the pairs the stage groups.

    python3 bench/dedup/stage_accuracy.py [--thresholds 0.7,0.8,0.9]

The stage verifies candidates by their MinHash estimate alone (no second pass over the text), so pairs near the
threshold fall on either side of it; `datalint dedup` measures those exactly.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402
import textsim  # noqa: E402


def stage_groups(exe, path, threshold, hashes):
    with tempfile.TemporaryDirectory() as scratch:
        config = os.path.join(scratch, "datalint.toml")
        with open(config, "w") as handle:
            handle.write(f"[dedup]\nthreshold = {threshold}\nhashes = {hashes}\n")
        start = time.perf_counter()
        result = subprocess.run(exe + ["check", "--config", config, "--select", "dup/exact,dup/near", "--format", "json",
                                       "--fail-on", "never", path], capture_output=True, text=True, check=True)
        seconds = time.perf_counter() - start
    union = textsim.UnionFind()
    for line in result.stdout.splitlines():
        finding = json.loads(line)
        union.union(finding["line"], finding["related"][0]["line"])
    return [sorted(group) for group in union.groups()], seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", default="0.7,0.8,0.9")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hashes", type=int, default=128)
    args = parser.parse_args()
    thresholds = [float(t) for t in args.thresholds.split(",")]
    exe = run.find_datalint()
    path = run.ensure_data(100_000, args.seed)
    planted = run.load_planted(path)
    grouped = {t: stage_groups(exe, path, t, args.hashes) for t in thresholds}
    sample, info = run.build_sample(path, planted["records"], planted, 5000, args.seed + 101,
                                    [groups for groups, _ in grouped.values()], 20000)
    sets = run.read_sample(path, sample)
    edges = textsim.similarity_join(sets, run.TRUTH_MIN)
    rows = ["| threshold | true pairs | predicted | precision | recall | check time |", "|---:|---:|---:|---:|---:|---:|"]
    for t in thresholds:
        groups, seconds = grouped[t]
        scored = run.score(run.predicted_pairs(groups, sample), run.truth_at(edges, t))
        rows.append(f"| {t} | {scored['truth']:,} | {scored['predicted']:,} | {scored['precision']:.3f} | "
                    f"{scored['recall']:.3f} | {seconds:.1f} s |")
    print(f"{run.rel(path)}: sample of {info['total']:,} records ({info['planted']:,} planted), {len(edges):,} pairs "
          f"with Jaccard ≥ {run.TRUTH_MIN}")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
