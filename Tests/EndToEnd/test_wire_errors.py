"""Bad input on the wire: raw bytes to `datalint serve` over a pipe (standard library only). After each case the
server must still answer a normal request, and everything it wrote must be well framed."""
from __future__ import annotations

import json
import subprocess
import time

import pytest

import datalint_text as text_tools
from datalint_corpus import chat_jsonl
from datalint_wire import WireServer

PARSE_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND, INVALID_PARAMS = -32700, -32600, -32601, -32602
SERVER_NOT_INITIALIZED = -32002
WARNING = 2

TYPO = '{"messages": [{"role": "user", "content": "🚲 Kette ölen?"}, {"role": "assitant", "content": "Oft."}]}'
GOOD = '{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]}'


@pytest.fixture
def server(datalint_binary):
    wire = WireServer(datalint_binary)
    yield wire
    try:
        assert not wire.framing_errors, f"badly framed output: {wire.framing_errors}"
        if wire.process.poll() is None:
            assert wire.shutdown() == 0
    finally:
        wire.kill()


@pytest.fixture
def ready(server):
    server.initialize()
    return server


def request_bytes(request_id, method, params=None) -> bytes:
    message = {"jsonrpc": "2.0", "id": request_id, "method": method}
    if params is not None:
        message["params"] = params
    return json.dumps(message).encode()


def warnings_logged(server: WireServer, containing: str) -> list[str]:
    return [m["params"]["message"] for m in server.notifications("window/logMessage")
            if m["params"]["type"] == WARNING and containing in m["params"]["message"]]


def assert_error(response: dict, code: int, request_id):
    assert "result" not in response, f"expected error {code}, got {response}"
    assert response["error"]["code"] == code, response
    assert isinstance(response["error"]["message"], str) and response["error"]["message"]
    assert response["id"] == request_id, response


def test_missing_content_length(ready):
    body = request_bytes(99, "shutdown")
    ready.write(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + body)
    ready.assert_serving()
    assert warnings_logged(ready, "no Content-Length"), ready.notifications("window/logMessage")
    assert not [m for m in ready.messages if m.get("id") == 99], "a message without Content-Length was executed"


def test_invalid_content_length_value(ready):
    ready.write(b"Content-Length: twelve\r\n\r\n" + request_bytes(98, "shutdown"))
    ready.assert_serving()
    assert warnings_logged(ready, "invalid Content-Length")
    assert not [m for m in ready.messages if m.get("id") == 98]


def test_too_short_content_length(ready):
    body = request_bytes(97, "shutdown")  # executed, it would make every later request fail
    ready.write(b"Content-Length: %d\r\n\r\n" % (len(body) - 7) + body)
    error = ready.wait_for(lambda m: "error" in m, 30, "an error response to the truncated body")
    assert_error(error, PARSE_ERROR, None)
    ready.assert_serving()
    assert warnings_logged(ready, "not a message header"), "the rest of the short message was not reported"
    assert not [m for m in ready.messages if m.get("id") == 97]


def test_body_not_json(ready):
    ready.write(b"Content-Length: 14\r\n\r\n{not: 'json'}\n")
    assert_error(ready.wait_for(lambda m: "error" in m, 30, "an error response"), PARSE_ERROR, None)
    ready.assert_serving()


def test_batch_is_not_a_request(ready):
    ready.write(ready.frame([{"jsonrpc": "2.0", "id": 96, "method": "shutdown"}]))
    assert_error(ready.wait_for(lambda m: "error" in m, 30, "an error response"), INVALID_REQUEST, None)
    ready.assert_serving()


def test_unknown_method(ready):
    assert_error(ready.request("datalint/noSuchMethod", {}), METHOD_NOT_FOUND, ready._next_id)
    assert_error(ready.request("$/noSuchThing", {}), METHOD_NOT_FOUND, ready._next_id)
    ready.notify("datalint/noSuchNotification", {})  # notifications are never answered
    ready.notify("$/noSuchNotification", {})
    ready.assert_serving()
    assert not [m for m in ready.messages if "error" in m and m["id"] is None]


@pytest.mark.parametrize("method, params", [
    ("textDocument/hover", {"textDocument": 5, "position": {"line": 0, "character": 0}}),
    ("textDocument/hover", {"textDocument": {"uri": "file:///a.jsonl"}, "position": {"line": "0", "character": 0}}),
    ("textDocument/codeAction", {"textDocument": {"uri": "file:///a.jsonl"}, "context": {"diagnostics": []}}),
    ("textDocument/documentSymbol", []),
    ("textDocument/diagnostic", {"textDocument": {}}),
    ("workspace/diagnostic", {"previousResultIds": {}}),
    ("datalint/check", {"text": 5}),
    ("initialize", {"capabilities": []}),
], ids=["hover-document-number", "hover-line-string", "codeAction-no-range", "documentSymbol-array",
        "diagnostic-no-uri", "workspace-diagnostic-object", "check-text-number", "initialize-again"])
def test_params_of_the_wrong_shape(ready, method, params):
    response = ready.request(method, params)
    # A second initialize is refused as such (-32600) whatever its params; every other request says -32602.
    assert_error(response, INVALID_REQUEST if method == "initialize" else INVALID_PARAMS, ready._next_id)
    ready.assert_serving()


def test_notification_params_of_the_wrong_shape(ready):
    ready.notify("textDocument/didOpen", {"textDocument": {"uri": 7}})
    ready.notify("textDocument/didChange", {"textDocument": {"uri": "file:///a.jsonl"}, "contentChanges": "x"})
    ready.assert_serving()
    assert warnings_logged(ready, "didOpen with invalid params") and warnings_logged(ready, "didChange with invalid")
    assert not [m for m in ready.messages if "error" in m], "a notification was answered"


def test_request_before_initialize(server):
    response = server.request("textDocument/hover", {"textDocument": {"uri": "file:///a.jsonl"},
                                                     "position": {"line": 0, "character": 0}})
    assert_error(response, SERVER_NOT_INITIALIZED, server._next_id)
    assert_error(server.request("datalint/check", {"text": GOOD}), SERVER_NOT_INITIALIZED, server._next_id)
    server.open("file:///early.jsonl", TYPO + "\n")  # a notification before initialize is dropped
    server.initialize()
    server.assert_serving()
    assert_error(server.request("datalint/check", {"uri": "file:///early.jsonl"}), INVALID_PARAMS, server._next_id)
    assert not server.notifications("textDocument/publishDiagnostics")


def test_200_megabyte_did_open(ready):
    started = time.monotonic()
    text = chat_jsonl(200_000_000, seed=3, misspell_every=1000)
    records = text.count("\n")
    generated = time.monotonic() - started
    uri = "file:///e2e/huge.jsonl"
    frame = ready.frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "jsonl", "version": 1, "text": text}}})
    assert len(frame) > 200_000_000
    del text
    sent_at = time.monotonic()
    ready.write(frame)
    del frame
    published = ready.published(uri, 1, timeout=240)
    arrived = time.monotonic() - sent_at
    print(f"\n200 MB didOpen: generated {records} records in {generated:.1f}s, "
          f"publishDiagnostics {arrived:.1f}s after sending began")
    lines = sorted(d["range"]["start"]["line"] for d in published["diagnostics"])
    assert {d["code"] for d in published["diagnostics"]} == {"format/unknown-role"}
    assert lines == list(range(999, records, 1000)), "the misspelt roles are every 1000th record"
    ready.assert_serving()
    hover = ready.result("textDocument/hover", {"textDocument": {"uri": uri},
                                                "position": {"line": records - 1, "character": 2}})
    assert hover is not None and f"**Record {records}**" in hover["contents"]["value"]


def test_requests_are_answered_while_a_large_document_is_checked(server):
    """The server answers a hover on a small document promptly while it checks a large one."""
    server.initialize({"window": {"workDoneProgress": True}})  # progress `begin` says when the check starts
    small, large = "file:///e2e/small.jsonl", "file:///e2e/large.jsonl"
    server.open(small, GOOD + "\n")
    server.published(small, 1)
    text = chat_jsonl(40_000_000, seed=4)
    opened = time.monotonic()
    server.open(large, text)
    server.wait_for(lambda m: m.get("method") == "$/progress" and m["params"]["value"]["kind"] == "begin", 60,
                   "work-done progress to begin")
    time.sleep(0.2)
    hover = {"textDocument": {"uri": small}, "position": {"line": 0, "character": 1}}
    asked = time.monotonic()
    request_id = server.new_id()
    server.send({"jsonrpc": "2.0", "id": request_id, "method": "textDocument/hover", "params": hover})
    response = server.response(request_id, timeout=120)
    answered = time.monotonic()
    published = server.published(large, 1, timeout=120)
    checked = time.monotonic()
    assert "result" in response and published["diagnostics"] == []
    print(f"\nhover answered {answered - asked:.2f}s after it was sent; the large document's diagnostics came "
          f"{checked - opened:.2f}s after its didOpen")
    assert answered - asked < 0.5, (
        f"a hover on another document took {answered - asked:.2f}s to answer while the server checked a "
        f"{len(text) >> 20} MB document (its diagnostics came {checked - opened:.2f}s after didOpen, "
        f"{checked - answered:.2f}s after the hover's answer)")


@pytest.mark.parametrize("where", ["past-last-line", "past-line-end", "reversed"])
def test_change_range_outside_the_document(ready, where):
    uri = "file:///e2e/clamped.jsonl"
    text = TYPO + "\n" + GOOD  # no final newline: the last line is GOOD
    ready.open(uri, text)
    ready.published(uri, 1)
    appended = "\n" + TYPO.replace("Kette", "Sattel")
    if where == "past-last-line":  # lines 5..9 do not exist: clamped to the end of the document
        span = {"start": {"line": 5, "character": 0}, "end": {"line": 9, "character": 4}}
        expected = text + appended
    elif where == "past-line-end":  # character 500 of line 0 is past its end: clamped to the end of line 0
        span = {"start": {"line": 0, "character": 500}, "end": {"line": 0, "character": 600}}
        expected = TYPO + appended + "\n" + GOOD
    else:  # the end before the start: an empty range at the start
        end_of_good = text_tools.position_of(text, len(text), text_tools.UTF16)
        span = {"start": {"line": end_of_good[0], "character": end_of_good[1]}, "end": {"line": 0, "character": 3}}
        expected = text + appended
    assert text_tools.apply_change(text, {"range": span, "text": appended}, text_tools.UTF16, clamp=True) == expected
    ready.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                            "contentChanges": [{"range": span, "text": appended}]})
    published = ready.published(uri, 2)
    warning = ready.wait_for(lambda m: m.get("method") == "window/logMessage", 30, "a window/logMessage warning")
    assert warning["params"]["type"] == WARNING and "outside the document" in warning["params"]["message"], warning
    # The server's text is the clamped one: it checks exactly like the text we expect.
    by_uri = ready.result("datalint/check", {"uri": uri, "columns": "utf-16"})
    by_text = ready.result("datalint/check", {"text": expected, "columns": "utf-16"})
    strip = lambda report: [{k: v for k, v in d.items() if k != "file"} for d in report["diagnostics"]]  # noqa: E731
    assert strip(by_uri) == strip(by_text)
    assert len(published["diagnostics"]) == 2
    ready.assert_serving()


@pytest.mark.parametrize("span", [
    {"start": {"line": 2, "character": 0}, "end": {"line": 0, "character": 0}},
    {"start": {"line": 0, "character": 0}, "end": {"line": 2_147_483_647, "character": 0}},
], ids=["reversed", "end-far-past-the-document"])
def test_code_action_range_outside_the_document(ready, span):
    """A request range the document does not have gets a prompt answer (a result, or -32602), not a crash or
    minutes of work."""
    uri = "file:///e2e/actions.jsonl"
    ready.open(uri, TYPO + "\n" + GOOD + "\n" + GOOD + "\n")
    ready.published(uri, 1)
    request_id = ready.new_id()
    ready.send({"jsonrpc": "2.0", "id": request_id, "method": "textDocument/codeAction", "params": {
        "textDocument": {"uri": uri}, "range": span, "context": {"diagnostics": []}}})
    started = time.monotonic()
    try:
        response = ready.response(request_id, timeout=5)
    except AssertionError as error:
        try:
            status = ready.process.wait(2)
        except subprocess.TimeoutExpired:
            status = None
        crash = [line for line in ready.stderr_lines if "Fatal error" in line or "crashed" in line]
        ready.kill()
        pytest.fail(f"no answer to textDocument/codeAction with range {span} within 5 s: "
                    + (f"the server crashed (exit status {status}): {' / '.join(crash[:2])}" if status is not None
                       else f"the server is still working on it ({error})"), pytrace=False)
    assert "error" not in response or response["error"]["code"] == INVALID_PARAMS, response
    assert time.monotonic() - started < 5
    ready.assert_serving()


def test_negative_change_position_is_ignored(ready):
    uri = "file:///e2e/negative.jsonl"
    ready.open(uri, GOOD + "\n")
    ready.published(uri, 1)
    ready.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": -1, "character": 0}, "end": {"line": 0, "character": 0}}, "text": TYPO}]})
    ready.published(uri, 2)
    assert warnings_logged(ready, "negative position")
    assert ready.result("datalint/check", {"uri": uri})["diagnostics"] == []
    ready.assert_serving()


def test_closing_the_stream_without_exit_exits_1(ready):
    ready.process.stdin.close()
    assert ready.process.wait(30) == 1
