#!/usr/bin/env python3
"""Language-server latency and memory, measured on the wire by a scripted client.

    python3 bench/lsp_latency.py [--server PATH] [--records 100000] [--edits 200]

Opens a generated chat dataset (100k records, about 185 MB) in `datalint serve` and reports:
- didOpen → first textDocument/publishDiagnostics (the message is encoded and framed before the clock starts;
  writing it into the pipe is part of the measurement);
- one-line didChange → publishDiagnostics for that version, over edits spread evenly through the file, each
  alternately planting and fixing a misspelt role (p50, p95, max);
- the server's resident memory (VmRSS after the edits, VmHWM peak) against the document's size.
Standard library only. Timestamps are taken when a message's last byte is read.
"""
import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class WireClient:
    def __init__(self, command, log_path):
        self.log = open(log_path, "wb")
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log,
                                        bufsize=0)
        self.messages = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.next_id = 1

    def _read(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put((time.perf_counter(), None))
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            body = bytearray()
            while len(body) < length:
                chunk = stream.read(length - len(body))
                if not chunk:
                    return
                body += chunk
            self.messages.put((time.perf_counter(), json.loads(body)))

    @staticmethod
    def frame(payload: bytes) -> bytes:
        return b"Content-Length: %d\r\n\r\n" % len(payload) + payload

    def write(self, payload: bytes):
        self.write_frame(self.frame(payload))

    def write_frame(self, frame: bytes):
        self.process.stdin.write(frame)
        self.process.stdin.flush()

    def send(self, message):
        self.write(json.dumps(message).encode("utf-8"))

    def request(self, method, params):
        request_id = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == request_id and "method" not in m)[1]

    def wait(self, predicate, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            stamp, message = self.messages.get(timeout=max(0.01, deadline - time.time()))
            if message is None:
                raise EOFError("server exited")
            if "method" in message and "id" in message:  # server → client request: answer it
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
                continue
            if predicate(message):
                return stamp, message
        raise TimeoutError("no matching message")


def memory(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) * 1024
    return fields


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default=None, help="datalint binary (default: release build)")
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--out", default=str(ROOT / "bench/out/lsp_latency.md"))
    args = parser.parse_args()

    server = args.server
    if server is None:
        subprocess.run(["swift", "build", "-c", "release", "--product", "datalint"], cwd=ROOT, check=True)
        bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                                  capture_output=True, text=True).stdout.strip()
        server = os.path.join(bin_path, "datalint")
    data = ROOT / f"bench/data/chat-{args.records // 1000}k.jsonl"
    if not data.exists():
        data.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(ROOT / "bench/generate.py"), "--records", str(args.records),
                        "--out", str(data), "--quiet"], check=True)
    text = data.read_text(encoding="utf-8")
    lines = text.split("\n")
    size = len(text.encode("utf-8"))
    uri = data.resolve().as_uri()

    (ROOT / "bench/out").mkdir(parents=True, exist_ok=True)
    client = WireClient([server, "serve"], ROOT / "bench/out/lsp_latency.server.log")
    client.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {
        "textDocument": {"publishDiagnostics": {"versionSupport": True}}}})
    client.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

    body = json.dumps({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "jsonl", "version": 1, "text": text}}}).encode("utf-8")
    # The whole frame is built before the clock starts: joining a 200 MB header and body is the client's work.
    frame = WireClient.frame(body)
    start = time.perf_counter()
    client.write_frame(frame)
    received, first = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                  and m["params"].get("version") == 1)
    open_seconds = received - start
    open_count = len(first["params"]["diagnostics"])
    memory_after_open = memory(client.process.pid)

    def has_duplicates(message, version):
        params = message.get("params", {})
        return (message.get("method") == "textDocument/publishDiagnostics" and params.get("version") == version
                and any(d.get("code", "").startswith("dup/") for d in params["diagnostics"]))
    received, with_duplicates = client.wait(lambda m: has_duplicates(m, 1))
    duplicates_seconds = received - start
    duplicate_count = sum(1 for d in with_duplicates["params"]["diagnostics"] if d.get("code", "").startswith("dup/"))

    candidates = [index for index, line in enumerate(lines) if '"role": "assistant"' in line]
    step = max(1, len(candidates) // args.edits)
    targets = candidates[::step][: args.edits]
    latencies = []
    version = 1
    planted = {}
    for index, line_number in enumerate(targets):
        version += 1
        line = lines[line_number]
        if line_number in planted:
            column, old, new = planted.pop(line_number), "assitant", "assistant"
        else:
            column = line.index('"role": "assistant"') + len('"role": "')
            old, new = "assistant", "assitant"
            planted[line_number] = column
        utf16_column = len(line[:column].encode("utf-16-le")) // 2
        change = {"range": {"start": {"line": line_number, "character": utf16_column},
                            "end": {"line": line_number, "character": utf16_column + len(old)}}, "text": new}
        lines[line_number] = line[:column] + new + line[column + len(old):]
        start = time.perf_counter()
        client.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        received, _ = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                  and m["params"].get("version") == version)
        latencies.append((received - start) * 1000)

    # Whole-line replacements that make a record an exact copy of its neighbour, then undo it: how long until the
    # background duplicate work publishes the new dup/exact (and clears it again).
    duplicate_latencies = []
    def is_record(text):
        try:
            return isinstance(json.loads(text), dict)
        except ValueError:
            return False
    for line_number in targets[1: 1 + max(1, args.edits // 8)]:
        source = next(lines[n] for n in range(line_number - 1, -1, -1) if is_record(lines[n]))
        for replacement in (source, lines[line_number]):
            version += 1
            old = lines[line_number]
            change = {"range": {"start": {"line": line_number, "character": 0},
                                "end": {"line": line_number, "character": len(old.encode("utf-16-le")) // 2}},
                      "text": replacement}
            planting = replacement == source
            start = time.perf_counter()
            client.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})

            def settled(m, version=version, planting=planting, line_number=line_number):
                if m.get("method") != "textDocument/publishDiagnostics" or m["params"].get("version") != version:
                    return False
                on_line = any(d.get("code") == "dup/exact" and d["range"]["start"]["line"] == line_number
                              for d in m["params"]["diagnostics"])
                return on_line == planting
            received, _ = client.wait(settled)
            duplicate_latencies.append((received - start) * 1000)
            lines[line_number] = replacement
    memory_after_edits = memory(client.process.pid)
    client.request("shutdown", None)
    client.send({"jsonrpc": "2.0", "method": "exit"})
    status = client.process.wait(timeout=30)

    report = "\n".join([
        f"Document: {data.name}, {len(lines):,} lines, {size / 1e6:.1f} MB; server {server}; exit status {status}",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| didOpen → first publishDiagnostics | {open_seconds:.3f} s ({open_count} diagnostics) |",
        f"| didOpen → duplicates published (background) | {duplicates_seconds:.3f} s ({duplicate_count} dup/ diagnostics) |",
        f"| one-line didChange → publishDiagnostics, p50 | {percentile(latencies, 0.5):.1f} ms |",
        f"| one-line didChange → publishDiagnostics, p95 | {percentile(latencies, 0.95):.1f} ms |",
        f"| one-line didChange → publishDiagnostics, max | {max(latencies):.1f} ms ({len(latencies)} edits) |",
        f"| edit making or unmaking an exact duplicate → its dup/exact published, p50 | "
        f"{percentile(duplicate_latencies, 0.5):.0f} ms |",
        f"| same, max | {max(duplicate_latencies):.0f} ms ({len(duplicate_latencies)} edits) |",
        f"| resident memory after open | {memory_after_open['VmRSS'] / 1e6:.0f} MB "
        f"({memory_after_open['VmRSS'] / size:.2f}× the document) |",
        f"| resident memory after the edits | {memory_after_edits['VmRSS'] / 1e6:.0f} MB "
        f"({memory_after_edits['VmRSS'] / size:.2f}× the document) |",
        f"| peak resident memory (VmHWM) | {memory_after_edits['VmHWM'] / 1e6:.0f} MB "
        f"({memory_after_edits['VmHWM'] / size:.2f}× the document) |",
        "",
        f"Load average during the run: {os.getloadavg()[0]:.2f} (nproc {os.cpu_count()}).",
    ])
    print(report)
    Path(args.out).write_text(report + "\n")


if __name__ == "__main__":
    main()
