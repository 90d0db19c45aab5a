"""A pytest-lsp client that validates every message `datalint serve` sends against lsprotocol's LSP types.

How pytest-lsp (1.0, on pygls 2) validates: pygls decodes each incoming body with
`json.loads(body, object_hook=protocol.structure_message)`, which structures the message with lsprotocol's
cattrs converter into the type of its method (`METHOD_TO_TYPES`; responses into the result type of the request
they answer). When that fails, pygls logs "Unable to deserialize message" at ERROR, raises
JsonRpcInvalidParams/JsonRpcInternalError, and the reader calls `LanguageClient.report_server_error`, which
records the error in `client.error`, fails every pending request with RuntimeError, terminates the server and
stashes the exception so that pytest-lsp's `pytest_runtest_makereport` hook fails the running test.

That alone is not strict: cattrs ignores members a type does not have (a misspelt optional member vanishes), and
coerces scalars (`"3"` structures into the int 3, `0` into the string "0", `"false"` into True). So this client
also keeps every raw message and checks that structuring and unstructuring it gives back exactly the JSON that
arrived; any difference is a violation. At teardown, `assert_conformant()` fails the test on any violation, on
`client.error`, on any pygls log record at ERROR or above, and on a `window/logMessage` of type Error.
Methods lsprotocol does not know (`datalint/check`, `datalint/stats`) are recorded raw and not validated.
"""
from __future__ import annotations

import asyncio
import enum
import json
import logging
import time
from typing import Any, Callable

from cattrs import transform_error
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient, LanguageClientProtocol
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features


class StrictProtocol(LanguageClientProtocol):
    """Records each incoming message and checks that it round-trips through its lsprotocol type."""

    def structure_message(self, data: dict[str, Any]):
        if "jsonrpc" not in data:  # a nested object: json.loads calls the hook bottom-up
            return data
        client: StrictClient = self._server  # type: ignore[assignment]
        raw = json.loads(json.dumps(data))  # pygls's hooks mutate `data`
        client.raw_messages.append(raw)
        client.received_at.append(time.monotonic())
        try:
            message = super().structure_message(data)
        except Exception as error:
            cause = error.__cause__ or error
            try:
                details = "; ".join(transform_error(cause))
            except Exception:
                details = repr(cause)
            client.violations.append(f"does not structure into its lsprotocol type ({details}): {_short(raw)}")
            raise
        if type(message).__module__.startswith("lsprotocol"):
            again = self._converter.unstructure(message)
            differences = _differences(raw, again, "")
            if differences:
                client.violations.append(
                    f"{type(message).__name__} does not round-trip through lsprotocol: "
                    + "; ".join(differences[:10]) + f" — message: {_short(raw)}")
        return message


class StrictClient(LanguageClient):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("protocol_cls", StrictProtocol)
        super().__init__(*args, **kwargs)
        self.raw_messages: list[dict[str, Any]] = []
        """Every message the server sent, as JSON, in order."""
        self.received_at: list[float] = []
        """When each of `raw_messages` arrived (time.monotonic())."""
        self.violations: list[str] = []
        """Messages that are not valid lsprotocol values (see the module's doc)."""
        self.published: list[types.PublishDiagnosticsParams] = []
        """Every textDocument/publishDiagnostics, in order (pytest-lsp keeps only the last, without version)."""
        self.negotiated_encoding: str | None = None
        self.applied_edits: list[types.ApplyWorkspaceEditParams] = []
        """workspace/applyEdit requests the server sent (each answered `applied: true`)."""
        self.registrations: list[types.Registration] = []
        """client/registerCapability registrations the server asked for (each accepted)."""
        self.configuration_delay = 0.0
        """Seconds the client takes to answer workspace/configuration (clients answer asynchronously)."""
        self._log_records: list[logging.LogRecord] = []
        self._log_handler = _ListHandler(self._log_records)
        logging.getLogger("pygls").addHandler(self._log_handler)

    async def stop(self):
        try:
            return await super().stop()
        finally:
            logging.getLogger("pygls").removeHandler(self._log_handler)

    # MARK: Session

    async def initialize_with(self, capabilities: types.ClientCapabilities, *,
                              initialization_options: Any = None) -> types.InitializeResult:
        result = await asyncio.wait_for(self.initialize_session(types.InitializeParams(
            capabilities=capabilities, root_uri=None, initialization_options=initialization_options,
            client_info=types.ClientInfo(name="datalint-e2e", version="1"))), 30)
        encoding = result.capabilities.position_encoding
        self.negotiated_encoding = getattr(encoding, "value", encoding) or "utf-16"
        return result

    def open(self, uri: str, text: str, version: int = 1, language: str = "jsonl"):
        self.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)))

    def change(self, uri: str, version: int, changes: list[dict]):
        """didChange with changes given as JSON (`{"range": {...}, "text": ...}`)."""
        self.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[self._change_event(change) for change in changes]))

    def _change_event(self, change: dict):
        if change.get("range") is None:
            return types.TextDocumentContentChangeWholeDocument(text=change["text"])
        return types.TextDocumentContentChangePartial(
            range=self.protocol._converter.structure(change["range"], types.Range), text=change["text"])

    def close(self, uri: str):
        self.text_document_did_close(types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))

    # MARK: Waiting

    async def wait_until(self, condition: Callable[[], Any], timeout: float, what: str):
        deadline = time.monotonic() + timeout
        while True:
            value = condition()
            if value:
                return value
            if self.error is not None:
                raise AssertionError(f"the client failed while waiting for {what}: {self.error}")
            if self._server is not None and self._server.returncode is not None:
                raise AssertionError(f"the server exited ({self._server.returncode}) while waiting for {what}")
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout}s waiting for {what}")
            await asyncio.sleep(0.01)

    async def diagnostics_for(self, uri: str, version: int | None = None, *, timeout: float = 30,
                              after: int = 0) -> types.PublishDiagnosticsParams:
        """The first publication for `uri` (and `version`, when given) among `published[after:]`."""
        def found():
            for params in self.published[after:]:
                if params.uri == uri and (version is None or params.version == version):
                    return params
            return None
        return await self.wait_until(found, timeout, f"publishDiagnostics for {uri} version {version}")

    async def wait_for_diagnostics(self, uri: str, predicate: Callable[[types.PublishDiagnosticsParams], bool], *,
                                   timeout: float = 30, after: int = 0) -> types.PublishDiagnosticsParams:
        """The first publication for `uri` among `published[after:]` that satisfies `predicate`."""
        def found():
            return next((p for p in self.published[after:] if p.uri == uri and predicate(p)), None)
        return await self.wait_until(found, timeout, f"a matching publishDiagnostics for {uri}")

    async def settled_diagnostics(self, uri: str, *, quiet: float = 1.0, timeout: float = 60,
                                  after: int = 0) -> types.PublishDiagnosticsParams:
        """The last publication for `uri` once the server has published nothing new for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            count = len(self.published)
            await asyncio.sleep(quiet)
            mine = [p for p in self.published[after:] if p.uri == uri]
            if mine and len(self.published) == count:
                return mine[-1]
            if time.monotonic() > deadline:
                raise AssertionError(f"publishDiagnostics for {uri} did not settle within {timeout}s")

    async def raw_request(self, method: str, params: Any, *, timeout: float = 60) -> Any:
        """Sends a request and returns its result as the JSON that arrived (pygls turns results of methods it
        does not know into namedtuples). Raises JsonRpcException for an error response."""
        msg_id = f"raw-{len(self.raw_messages)}-{time.monotonic_ns()}"
        await asyncio.wait_for(self.protocol.send_request_async(method, params, msg_id=msg_id), timeout)
        for message in reversed(self.raw_messages):
            if message.get("id") == msg_id and "method" not in message:
                return message.get("result")
        raise AssertionError(f"no raw response recorded for {method} ({msg_id})")

    # MARK: Verdict

    def assert_conformant(self):
        problems = [f"message not valid per lsprotocol: {violation}" for violation in self.violations]
        if self.error is not None:
            problems.append(f"pytest-lsp reported a server error: {self.error}")
        problems += [f"pygls logged {record.levelname}: {record.getMessage()}" for record in self._log_records]
        problems += [f"server logged an error: {log.message}" for log in self.log_messages
                     if log.type == types.MessageType.Error]
        assert not problems, "the server broke the protocol:\n  " + "\n  ".join(problems)


def make_strict_client() -> StrictClient:
    client = StrictClient(converter_factory=default_converter)
    replaced = {types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, types.WORKSPACE_CONFIGURATION}
    register_lsp_features(client, {method: feature for method, feature in DEFAULT_CLIENT_FEATURES.items()
                                   if method not in replaced})

    @client.feature(types.WORKSPACE_CONFIGURATION)
    async def configuration(client: StrictClient, params: types.ConfigurationParams):
        if client.configuration_delay:
            await asyncio.sleep(client.configuration_delay)
        return [client.get_configuration(section=item.section, scope_uri=item.scope_uri) for item in params.items]

    @client.feature(types.WORKSPACE_APPLY_EDIT)
    def apply_edit(client: StrictClient, params: types.ApplyWorkspaceEditParams):
        client.applied_edits.append(params)
        return types.ApplyWorkspaceEditResult(applied=True)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(client: StrictClient, params: types.RegistrationParams):
        client.registrations.extend(params.registrations)

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def publish_diagnostics(client: StrictClient, params: types.PublishDiagnosticsParams):
        client.published.append(params)
        client.diagnostics[params.uri] = params.diagnostics

    return client


async def finish(client: StrictClient, *, expect_clean_exit: bool = True):
    """Shuts the server down if the test left it running (asserting exit code 0), stops the client and asserts
    that every message was conformant."""
    server = client._server
    try:
        if server is not None and server.returncode is None and client.error is None and client.capabilities:
            try:
                await asyncio.wait_for(client.shutdown_async(None), 30)
            except JsonRpcException:
                pass  # the test already sent shutdown
            client.exit(None)
            await asyncio.wait_for(server.wait(), 30)
            if expect_clean_exit:
                assert server.returncode == 0, f"shutdown then exit ended the server with {server.returncode}"
    finally:
        if server is not None and server.returncode is None:
            server.kill()
            await server.wait()
        await client.stop()
    client.assert_conformant()


class _ListHandler(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]):
        super().__init__(level=logging.ERROR)
        self.records = records

    def emit(self, record: logging.LogRecord):
        self.records.append(record)


def _differences(sent: Any, typed: Any, path: str) -> list[str]:
    if isinstance(typed, enum.Enum):  # lsprotocol leaves some enums (MarkupKind) unconverted when unstructuring
        typed = typed.value
    if isinstance(sent, dict) and isinstance(typed, dict):
        found = []
        for key in sent.keys() | typed.keys():
            where = f"{path}.{key}" if path else key
            if key not in typed:
                found.append(f"{where} is not a member of the type (sent {_short(sent[key])})")
            elif key not in sent:
                found.append(f"{where} appears only after structuring ({_short(typed[key])})")
            else:
                found += _differences(sent[key], typed[key], where)
        return found
    if isinstance(sent, list) and isinstance(typed, list):
        if len(sent) != len(typed):
            return [f"{path} has {len(sent)} elements, {len(typed)} after structuring"]
        return [difference for index, (a, b) in enumerate(zip(sent, typed))
                for difference in _differences(a, b, f"{path}[{index}]")]
    if type(sent) is not type(typed) or sent != typed:
        return [f"{path or '(message)'} was {_short(sent)} ({type(sent).__name__}), "
                f"structured as {_short(typed)} ({type(typed).__name__})"]
    return []


def _short(value: Any, limit: int = 300) -> str:
    text = json.dumps(value, ensure_ascii=False, default=repr)
    return text if len(text) <= limit else text[:limit] + "…"
