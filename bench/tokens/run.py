#!/usr/bin/env python3
"""Tokens per second of datalint's BPE tokenizer against tiktoken, on the first N MB of a JSONL file.

Every line (whole lines only, without its newline) is counted as plain text, by both:
  - datalint: the TokenBenchmark executable (bench/tokens/TokenBenchmark), release build, a session per thread;
  - tiktoken: `encode_ordinary_batch(lines, num_threads=T)` and, for one thread, also a plain loop of
    `encode_ordinary` (which skips the thread pool), the faster of the two taken as tiktoken's figure.
Both are pinned with taskset to the same cores, and each line's count is compared: the run fails on any
difference, so the benchmark doubles as an exactness check on real data.

Usage:
  python3 bench/tokens/run.py [--file bench/data/chat-370MB.jsonl] [--megabytes 50] [--threads 1]
                              [--encoding cl100k_base] [--rounds 3] [--bin PATH]
Prints a table and writes bench/out/tokens-<encoding>-<threads>t.json.
"""

import argparse
import json
import os
import pathlib
import subprocess
import sys
import time

import tiktoken

import reference

ROOT = pathlib.Path(__file__).resolve().parents[2]


def build_benchmark() -> pathlib.Path:
    scratch = ROOT / ".build-tokens"
    subprocess.run(["swift", "build", "-c", "release", "--scratch-path", str(scratch), "--product", "TokenBenchmark"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    bin_path = subprocess.run(["swift", "build", "-c", "release", "--scratch-path", str(scratch), "--show-bin-path"],
                              cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    return pathlib.Path(bin_path) / "TokenBenchmark"


def read_lines(path: pathlib.Path, max_bytes: int) -> list:
    with open(path, "rb") as file:
        data = file.read(max_bytes) if max_bytes > 0 else file.read()
    if max_bytes > 0 and len(data) == max_bytes:
        data = data[: data.rfind(b"\n") + 1]  # whole lines only
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return [line.decode("utf-8", "replace") for line in lines]


def pinned(threads: int) -> list:
    return ["taskset", "-c", ",".join(str(core) for core in range(threads))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=pathlib.Path, default=ROOT / "bench/data/chat-370MB.jsonl")
    parser.add_argument("--megabytes", type=float, default=50, help="0 for the whole file")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--encoding", default="cl100k_base")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--bin", type=pathlib.Path, default=None, help="a TokenBenchmark already built")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    max_bytes = int(args.megabytes * 1_000_000)

    if args.child:
        # Runs under taskset: tiktoken's timing, and its counts on stdout.
        lines = read_lines(args.file, max_bytes)
        encoding = reference.get_encoding(args.encoding)
        encoding.encode_ordinary("warm up")
        timings = {"batch": [], "loop": []}
        counts = None
        for _ in range(args.rounds):
            start = time.perf_counter()
            batch = encoding.encode_ordinary_batch(lines, num_threads=args.threads)
            timings["batch"].append(time.perf_counter() - start)
            counts = [len(tokens) for tokens in batch]
            del batch
            if args.threads == 1:
                start = time.perf_counter()
                loop = [len(encoding.encode_ordinary(line)) for line in lines]
                timings["loop"].append(time.perf_counter() - start)
                assert loop == counts
        json.dump({"timings": timings, "counts": counts}, sys.stdout)
        return 0

    binary = args.bin or build_benchmark()
    out = ROOT / "bench/out"
    out.mkdir(parents=True, exist_ok=True)
    counts_path = out / f"tokens-{args.encoding}-datalint-counts.txt"

    datalint = json.loads(subprocess.run(
        pinned(args.threads) + [str(binary), "--encoding", args.encoding, "--file", str(args.file),
                                "--max-bytes", str(max_bytes if max_bytes > 0 else 1 << 62),
                                "--threads", str(args.threads), "--rounds", str(args.rounds),
                                "--counts", str(counts_path)],
        check=True, capture_output=True, text=True).stdout)
    datalint_counts = [int(line) for line in counts_path.read_text().split()]

    child = subprocess.run(pinned(args.threads) + [sys.executable, __file__, "--child", "--file", str(args.file),
                                                   "--megabytes", str(args.megabytes), "--threads", str(args.threads),
                                                   "--encoding", args.encoding, "--rounds", str(args.rounds)],
                           check=True, capture_output=True, text=True, cwd=pathlib.Path(__file__).parent)
    tiktoken_result = json.loads(child.stdout)
    tiktoken_counts = tiktoken_result["counts"]

    if len(datalint_counts) != len(tiktoken_counts):
        print(f"line counts differ: datalint {len(datalint_counts)}, tiktoken {len(tiktoken_counts)}", file=sys.stderr)
        return 1
    differing = [i for i, (a, b) in enumerate(zip(datalint_counts, tiktoken_counts)) if a != b]
    tokens = sum(tiktoken_counts)
    best_datalint = min(datalint["seconds"])
    tiktoken_best = {name: min(values) for name, values in tiktoken_result["timings"].items() if values}
    best_tiktoken_name = min(tiktoken_best, key=tiktoken_best.get)
    best_tiktoken = tiktoken_best[best_tiktoken_name]

    report = {
        "file": str(args.file), "megabytes": datalint["bytes"] / 1e6, "lines": datalint["lines"],
        "encoding": args.encoding, "threads": args.threads, "tokens": tokens, "differing_lines": len(differing),
        "tiktoken_version": tiktoken.__version__,
        "datalint_seconds": datalint["seconds"], "datalint_load_seconds": datalint["load_seconds"],
        "tiktoken_seconds": tiktoken_result["timings"],
        "datalint_tokens_per_second": tokens / best_datalint,
        "tiktoken_tokens_per_second": tokens / best_tiktoken, "tiktoken_best": best_tiktoken_name,
        "speedup": best_tiktoken / best_datalint,
    }
    (out / f"tokens-{args.encoding}-{args.threads}t.json").write_text(json.dumps(report, indent=2) + "\n")

    print(f"{args.encoding}, {report['megabytes']:.1f} MB, {report['lines']} lines, {tokens} tokens, "
          f"{args.threads} thread(s), best of {args.rounds}")
    print(f"  datalint  {best_datalint:8.3f} s  {tokens / best_datalint / 1e6:6.2f} M tokens/s  "
          f"{report['megabytes'] / best_datalint:6.1f} MB/s  (rank file loaded in {datalint['load_seconds']:.3f} s)")
    for name, seconds in tiktoken_best.items():
        print(f"  tiktoken {name:5} {seconds:7.3f} s  {tokens / seconds / 1e6:6.2f} M tokens/s  "
              f"{report['megabytes'] / seconds:6.1f} MB/s")
    print(f"  speed-up against tiktoken's best: {report['speedup']:.2f}x")
    if differing:
        print(f"  {len(differing)} lines counted differently, first at line {differing[0] + 1}: "
              f"datalint {datalint_counts[differing[0]]}, tiktoken {tiktoken_counts[differing[0]]}", file=sys.stderr)
        return 1
    print("  every line's count is identical to tiktoken's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
