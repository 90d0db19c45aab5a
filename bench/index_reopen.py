#!/usr/bin/env python3
"""Workspace index: how long after the editor starts a leak into an evaluation file is shown, on the first start
(every dataset of the workspace indexed) and on the next one (the index reused).

    python3 bench/index_reopen.py [--server PATH] [--files chat-100k.jsonl dedup-100k.jsonl]

A temporary workspace holds copies of the given bench/data files; an evaluation file `eval/test.jsonl` holds one
record copied from the first of them. The client starts `datalint serve` on the workspace (the index in the same
temporary directory), opens the evaluation file, and times `initialized` → the first publishDiagnostics with a
`dup/leakage`. Run twice: cold (no index yet) and warm (the index from the first run). Standard library only.
"""
import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

from lsp_latency import ROOT, WireClient, memory

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--server", default=str(ROOT / ".build/release/datalint"))
parser.add_argument("--files", nargs="+", default=["chat-100k.jsonl", "dedup-100k.jsonl"])


def start_and_wait_for_leak(server, workspace, index_path, eval_text):
    client = WireClient([server, "serve"], ROOT / "bench/out/index_reopen.server.log")
    client.request("initialize", {"processId": None, "rootUri": workspace.as_uri(),
                                  "initializationOptions": {"indexPath": str(index_path)},
                                  "capabilities": {"window": {"workDoneProgress": True}}})
    start = time.perf_counter()
    client.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    uri = (workspace / "eval/test.jsonl").as_uri()
    client.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "jsonl", "version": 1, "text": eval_text}}})
    received, _ = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                              and any(d.get("code") == "dup/leakage" for d in m["params"]["diagnostics"]), timeout=600)
    peak = memory(client.process.pid)["VmHWM"]
    client.request("shutdown", None)
    client.send({"jsonrpc": "2.0", "method": "exit"})
    client.process.wait(timeout=30)
    return received - start, peak


def main():
    args = parser.parse_args()
    (ROOT / "bench/out").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="datalint-index-bench-") as scratch:
        workspace = Path(scratch) / "workspace"
        (workspace / "eval").mkdir(parents=True)
        total = 0
        for name in args.files:
            shutil.copyfile(ROOT / "bench/data" / name, workspace / name)
            total += (workspace / name).stat().st_size
        first = (workspace / args.files[0]).read_text(encoding="utf-8").split("\n")
        leaked = next(line for line in first[1000:] if line.startswith("{") and '"assistant"' in line and _valid(line))
        eval_text = json.dumps({"prompt": "an unrelated question", "completion": "an unrelated answer"}) + "\n" + leaked + "\n"
        index_path = Path(scratch) / "index.sqlite"
        cold, cold_peak = start_and_wait_for_leak(args.server, workspace, index_path, eval_text)
        warm, warm_peak = start_and_wait_for_leak(args.server, workspace, index_path, eval_text)
        size = index_path.stat().st_size
    report = "\n".join([
        f"Workspace: {', '.join(args.files)} ({total / 1e6:.0f} MB) and eval/test.jsonl; server {args.server}",
        "",
        "| start | initialized → dup/leakage published | peak memory |",
        "| --- | --- | --- |",
        f"| cold (no index) | {cold:.2f} s | {cold_peak / 1e6:.0f} MB |",
        f"| warm (index reused) | {warm:.2f} s | {warm_peak / 1e6:.0f} MB |",
        "",
        f"Index size: {size / 1e6:.0f} MB.",
    ])
    print(report)
    (ROOT / "bench/out/index_reopen.md").write_text(report + "\n")


def _valid(line):
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


if __name__ == "__main__":
    main()
