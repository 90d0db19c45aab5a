#!/usr/bin/env python3
"""Records per second through a trivial stage plugin, in process and isolated, against no plugin at all.

    python3 bench/plugins/run.py [--server PATH] [--rounds 3] [--jobs 2] [FILE]

Builds Tests/PluginHostTests/Fixtures/faulty/trivial.c (a stage that looks at nothing) with `cc -O2`, then times,
interleaved for several rounds, on the same file (default: the 100k-record chat benchmark, bench/data/chat-100k.jsonl,
made by bench/lsp_latency.py):

- `datalint check --select plugin` — no stage at all: reading and scanning the file, what a built-in stage that does
  nothing would cost;
- the same with `--plugin libtrivial.so --plugin-isolation none` — the plugin loaded into datalint, called with
  batches of 1,000 records;
- the same with `--plugin-isolation process` — the plugin in a worker process, each batch copied over a pipe.

Reports the median wall time, the minimum CPU time (user + system, the worker's included), records per second, and
the ratio of isolated to in-process. Standard library only.
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def run(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} exited with {completed.returncode}: {completed.stderr.decode(errors='replace')}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(ROOT / "bench/data/chat-100k.jsonl"))
    parser.add_argument("--server", default=str(ROOT / ".build/release/datalint"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    arguments = parser.parse_args()
    records = sum(1 for _ in open(arguments.file, "rb"))
    size = os.path.getsize(arguments.file)
    with tempfile.TemporaryDirectory() as directory:
        library = Path(directory) / "libtrivial.so"
        subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-I", str(ROOT / "protocol"), "-o", str(library),
                        str(ROOT / "Tests/PluginHostTests/Fixtures/faulty/trivial.c")], check=True)
        base = [arguments.server, "check", "--no-progress", "--quiet", "--jobs", str(arguments.jobs), "--select", "plugin"]
        contenders = {
            "no plugin (built-in pipeline only)": base + [arguments.file],
            "trivial plugin, in process": base + ["--plugin", str(library), "--plugin-isolation", "none", arguments.file],
            "trivial plugin, isolated": base + ["--plugin", str(library), "--plugin-isolation", "process", arguments.file],
        }
        times = {name: [] for name in contenders}
        for _ in range(arguments.rounds):
            for name, command in contenders.items():
                times[name].append(run(command))
    load = os.getloadavg()[0]
    print(f"File: {arguments.file} ({records:,} records, {size / 1e6:.1f} MB); --jobs {arguments.jobs}; "
          f"{arguments.rounds} interleaved rounds; load {load:.2f} (nproc {os.cpu_count()})\n")
    print("| run | median wall | min CPU | records/s (wall) |")
    print("| --- | ---: | ---: | ---: |")
    medians = {}
    for name, samples in times.items():
        wall = statistics.median(w for w, _ in samples)
        cpu = min(c for _, c in samples)
        medians[name] = (wall, cpu)
        print(f"| {name} | {wall:.3f} s | {cpu:.3f} s | {records / wall:,.0f} |")
    in_process, isolated = medians["trivial plugin, in process"], medians["trivial plugin, isolated"]
    print(f"\nIsolated / in process: {isolated[0] / in_process[0]:.2f}× wall, {isolated[1] / in_process[1]:.2f}× CPU "
          f"(target: at most 2×).")


if __name__ == "__main__":
    main()
