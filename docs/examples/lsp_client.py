#!/usr/bin/env python3
"""Drive `datalint serve` from a script over stdio, with the standard library only.

    python3 docs/examples/lsp_client.py path/to/data.jsonl

Starts the server, checks the file with the `datalint/check` scripting method, opens it as an editor would,
prints the diagnostics the server publishes, and shuts the server down cleanly.
"""
import json
import subprocess
import sys
from pathlib import Path


class LanguageServerClient:
    def __init__(self, command):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 1
        self.notifications = []

    def send(self, message):
        body = json.dumps(message).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        request_id = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == request_id and "method" not in message:
                if "error" in message:
                    raise RuntimeError(message["error"])
                return message["result"]
            if "id" in message and "method" in message:  # a request from the server: answer it
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            else:
                self.notifications.append(message)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(self, method):
        for index, message in enumerate(self.notifications):
            if message.get("method") == method:
                return self.notifications.pop(index)
        while True:
            message = self.receive()
            if message.get("method") == method:
                return message
            if "id" in message and "method" in message:
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})


def main():
    path = Path(sys.argv[1]).resolve()
    client = LanguageServerClient(["datalint", "serve"] if len(sys.argv) < 3 else [sys.argv[2], "serve"])
    client.request("initialize", {"processId": None, "rootUri": path.parent.as_uri(), "capabilities": {}})
    client.notify("initialized", {})

    report = client.request("datalint/check", {"path": str(path)})
    print("datalint/check:", report["summary"])
    for diagnostic in report["diagnostics"]:
        print(f"  {diagnostic['line']}:{diagnostic['column']} {diagnostic['code']}: {diagnostic['message']}")

    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": path.as_uri(), "languageId": "jsonl", "version": 1, "text": path.read_text(encoding="utf-8")}})
    published = client.wait_for("textDocument/publishDiagnostics")["params"]
    print(f"published {len(published['diagnostics'])} diagnostics for version {published['version']}")

    client.request("shutdown", None)
    client.notify("exit", None)
    sys.exit(client.process.wait())


if __name__ == "__main__":
    main()
