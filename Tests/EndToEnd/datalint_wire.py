"""A raw JSON-RPC client for `datalint serve` over subprocess pipes (standard library only), for sending bytes
that no well-behaved client library would send. Every frame the server writes is checked for correct framing
(`Content-Length: N\\r\\n` headers, a blank line, N bytes of JSON-RPC 2.0) and kept in `messages`."""
from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from typing import Any, Callable


class WireError(AssertionError):
    pass


class WireServer:
    def __init__(self, binary: str):
        self.process = subprocess.Popen([binary, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE)
        self.messages: list[dict[str, Any]] = []
        """Every message the server sent, in order."""
        self.framing_errors: list[str] = []
        self.stderr_lines: list[str] = []
        self._incoming: queue.Queue = queue.Queue()
        self._unread: list[dict[str, Any]] = []
        self._next_id = 1
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    # MARK: Reading

    def _read_stdout(self):
        stream = self.process.stdout
        try:
            while True:
                length = None
                headers = []
                while True:
                    line = stream.readline()
                    if not line:
                        return
                    if line == b"\r\n":
                        break
                    if not line.endswith(b"\r\n"):
                        self.framing_errors.append(f"header line not ended by CRLF: {line!r}")
                    headers.append(line)
                    name, _, value = line.decode("ascii").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                if length is None:
                    self.framing_errors.append(f"a frame without Content-Length: {headers!r}")
                    return
                body = stream.read(length)
                try:
                    message = json.loads(body)
                except ValueError as error:
                    self.framing_errors.append(f"a body that is not JSON ({error}): {body[:200]!r}")
                    continue
                if not isinstance(message, dict) or message.get("jsonrpc") != "2.0":
                    self.framing_errors.append(f"not a JSON-RPC 2.0 message: {body[:200]!r}")
                self.messages.append(message)
                self._incoming.put(message)
        finally:
            self._incoming.put(None)

    def _read_stderr(self):
        for line in self.process.stderr:
            self.stderr_lines.append(line.decode("utf-8", "replace").rstrip("\n"))

    def next_message(self, timeout: float) -> dict[str, Any]:
        try:
            message = self._incoming.get(timeout=timeout)
        except queue.Empty:
            raise WireError(f"no message from the server within {timeout}s") from None
        if message is None:
            self._incoming.put(None)
            raise WireError(f"the server closed its output (exit code {self.process.poll()}); "
                            f"stderr: {self.stderr_lines[-5:]}")
        if "method" in message and "id" in message:  # a request from the server: answer it plainly
            self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
        return message

    def wait_for(self, condition: Callable[[dict[str, Any]], bool], timeout: float, what: str) -> dict[str, Any]:
        """The first message (read earlier but not yet taken, or new) that satisfies `condition`."""
        for index, message in enumerate(self._unread):
            if condition(message):
                return self._unread.pop(index)
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise WireError(f"timed out after {timeout}s waiting for {what}")
            try:
                message = self.next_message(remaining)
            except WireError as error:
                raise WireError(f"waiting for {what}: {error}") from None
            if condition(message):
                return message
            self._unread.append(message)

    def response(self, request_id: Any, timeout: float = 30) -> dict[str, Any]:
        return self.wait_for(lambda m: m.get("id", object()) == request_id and "method" not in m, timeout,
                             f"the response to request {request_id!r}")

    def notifications(self, method: str) -> list[dict[str, Any]]:
        return [m for m in self.messages if m.get("method") == method and "id" not in m]

    # MARK: Writing

    def write(self, data: bytes):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    @staticmethod
    def frame(message: Any) -> bytes:
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    def send(self, message: Any):
        self.write(self.frame(message))

    def notify(self, method: str, params: Any = None):
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def request(self, method: str, params: Any = None, *, timeout: float = 30) -> dict[str, Any]:
        """Sends a request and returns the whole response message (with `result` or `error`)."""
        request_id = self.new_id()
        message = {"jsonrpc": "2.0", "id": request_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return self.response(request_id, timeout)

    def result(self, method: str, params: Any = None, *, timeout: float = 30) -> Any:
        response = self.request(method, params, timeout=timeout)
        if "error" in response:
            raise WireError(f"{method} failed: {response['error']}")
        return response["result"]

    # MARK: Session

    def initialize(self, capabilities: dict | None = None) -> dict[str, Any]:
        result = self.result("initialize", {"processId": None, "rootUri": None, "capabilities": capabilities or {}})
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, version: int = 1):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "jsonl", "version": version, "text": text}})

    def published(self, uri: str, version: int | None = None, timeout: float = 30) -> dict[str, Any]:
        return self.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            and (version is None or m["params"].get("version") == version),
            timeout, f"publishDiagnostics for {uri} version {version}")["params"]

    def assert_serving(self):
        """A normal request still gets its normal answer."""
        report = self.result("datalint/check", {"text": '{"messages": [{"role": "user", "content": "Hi"}, '
                                                         '{"role": "assitant", "content": "Hello"}]}\n'})
        assert [d["code"] for d in report["diagnostics"]] == ["format/unknown-role"], report
        assert self.result("textDocument/hover", {"textDocument": {"uri": "file:///not/open.jsonl"},
                                                  "position": {"line": 0, "character": 0}}) is None

    def shutdown(self, timeout: float = 30) -> int:
        """shutdown, exit, and the exit code."""
        assert self.result("shutdown") is None
        self.notify("exit")
        return self.process.wait(timeout)

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            try:
                stream.close()
            except (OSError, ValueError):
                pass
