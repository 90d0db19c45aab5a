"""LSP 3.17 conformance of `datalint serve`, driven by pytest-lsp; every message the server sends is validated
against lsprotocol's types (strictly: see datalint_lsp_harness.py) and the test fails on any that is not.

Needs: pip install -r Tests/EndToEnd/requirements.txt
"""
from __future__ import annotations

import asyncio
import json
import re
import pathlib
import subprocess
import sys
import urllib.parse

import pytest

pytest.importorskip("pytest_lsp", reason="pip install -r Tests/EndToEnd/requirements.txt")

import pytest_asyncio  # noqa: E402
from lsprotocol import types  # noqa: E402
from pygls.exceptions import JsonRpcException  # noqa: E402
from pytest_lsp import ClientServerConfig  # noqa: E402

import datalint_text as text_tools  # noqa: E402
from datalint_corpus import chat_jsonl, numbered_chat_lines  # noqa: E402
from datalint_lsp_harness import StrictClient, finish, make_strict_client  # noqa: E402

pytestmark = [
    pytest.mark.asyncio,
    # pytest-lsp warns when a server message does not fit the client's declared capabilities: make it fail.
    pytest.mark.filterwarnings("error::pytest_lsp.LspSpecificationWarning"),
]

UTF8, UTF16 = text_tools.UTF8, text_tools.UTF16
FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"

# A misspelt role after an astral emoji (2 UTF-16 units, 4 UTF-8 bytes) and an umlaut (1 unit, 2 bytes).
EMOJI_TYPO = ('{"messages": [{"role": "user", "content": "🚲 Wie oft sollte ich die Kette ölen?"}, '
              '{"role": "assitant", "content": "Etwa alle 150–300 km."}]}')
GOOD = '{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]}'
ROCKETS = '{"messages": [{"role": "user", "content": "🚀🚀 Launch?"}, {"role": "assistant", "content": "Go."}]}'


# MARK: Fixtures and helpers

@pytest_asyncio.fixture
async def client(datalint_binary):
    """A fresh `datalint serve` behind a strict pytest-lsp client; each test initializes it with the
    capabilities it needs. Teardown shuts the server down (exit code 0) and fails on any invalid message."""
    config = ClientServerConfig(server_command=[datalint_binary, "serve"], client_factory=make_strict_client)
    started: StrictClient = await config.start()  # type: ignore[assignment]
    yield started
    await finish(started)


def capabilities(*, encodings: list[str] | None = None, pull: bool = False, document_changes: bool = False,
                 configuration: bool = False, apply_edit: bool = False, work_done_progress: bool = False,
                 watch_files: bool = False) -> types.ClientCapabilities:
    return types.ClientCapabilities(
        general=types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind(name) for name in encodings] if encodings else None),
        text_document=types.TextDocumentClientCapabilities(
            synchronization=types.TextDocumentSyncClientCapabilities(did_save=True),
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                version_support=True, related_information=True, code_description_support=True),
            diagnostic=types.DiagnosticClientCapabilities(related_document_support=False) if pull else None,
            code_action=types.CodeActionClientCapabilities(
                code_action_literal_support=types.ClientCodeActionLiteralOptions(
                    code_action_kind=types.ClientCodeActionKindOptions(value_set=[
                        types.CodeActionKind.QuickFix, types.CodeActionKind.Source,
                        types.CodeActionKind.SourceFixAll])),
                is_preferred_support=True),
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
            document_symbol=types.DocumentSymbolClientCapabilities(hierarchical_document_symbol_support=True),
        ),
        workspace=types.WorkspaceClientCapabilities(
            workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=document_changes),
            configuration=configuration,
            apply_edit=apply_edit,
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
            if watch_files else None,
            diagnostics=types.DiagnosticWorkspaceClientCapabilities(refresh_support=False) if pull else None,
        ),
        window=types.WindowClientCapabilities(work_done_progress=work_done_progress),
    )


def uri_for(tmp_path: pathlib.Path, name: str = "data.jsonl") -> str:
    return (tmp_path / name).as_uri()


def as_json(client: StrictClient, value) -> dict:
    return client.protocol._converter.unstructure(value)


def lsp_rows(client: StrictClient, diagnostics) -> list[tuple]:
    """Published diagnostics as (code, line, column, endLine, endColumn, message), 1-based like the CLI."""
    rows = []
    for diagnostic in diagnostics:
        span = as_json(client, diagnostic.range)
        rows.append((diagnostic.code, span["start"]["line"] + 1, span["start"]["character"] + 1,
                     span["end"]["line"] + 1, span["end"]["character"] + 1, diagnostic.message))
    return sorted(rows)


async def oracle_rows(client: StrictClient, text: str, encoding: str) -> list[tuple]:
    """What datalint/check reports for `text` in the same columns: an independent account of the diagnostics
    the server must publish for a document with exactly this text."""
    report = await client.raw_request("datalint/check", {"text": text, "columns": encoding})
    return sorted((d["code"], d["line"], d["column"], d["endLine"], d["endColumn"], d["message"])
                  for d in report["diagnostics"])


async def server_text_matches(client: StrictClient, uri: str, text: str, encoding: str):
    """The server's copy of an open document checks exactly like `text` (datalint/check with `uri`)."""
    by_uri = await client.raw_request("datalint/check", {"uri": uri, "columns": encoding})
    by_text = await client.raw_request("datalint/check", {"text": text, "columns": encoding})
    strip = lambda report: [{k: v for k, v in d.items() if k != "file"} for d in report["diagnostics"]]  # noqa: E731
    assert strip(by_uri) == strip(by_text), "the server's text differs from the client's after the edits"
    assert by_uri["summary"]["records"] == by_text["summary"]["records"]


# MARK: initialize and position encodings

@pytest.mark.parametrize("offered, negotiated", [
    (["utf-16"], UTF16),
    (["utf-8", "utf-16"], UTF8),
    (None, UTF16),
], ids=["utf-16", "utf-8+utf-16", "none"])
async def test_initialize_negotiates_encoding_and_columns_follow_it(client, tmp_path, offered, negotiated):
    result = await client.initialize_with(capabilities(encodings=offered))
    assert result.capabilities.position_encoding == types.PositionEncodingKind(negotiated)
    assert result.server_info is not None and result.server_info.name == "datalint"
    sync = result.capabilities.text_document_sync
    assert isinstance(sync, types.TextDocumentSyncOptions)
    assert sync.open_close and sync.change == types.TextDocumentSyncKind.Incremental
    assert result.capabilities.hover_provider and result.capabilities.document_symbol_provider
    assert result.capabilities.diagnostic_provider is None, "a push client was offered pull diagnostics"

    uri = uri_for(tmp_path)
    text = EMOJI_TYPO + "\n"
    client.open(uri, text)
    published = await client.diagnostics_for(uri, 1)
    assert [d.code for d in published.diagnostics] == ["format/unknown-role"]
    expected = text_tools.range_of_substring(text, '"assitant"', negotiated)
    assert as_json(client, published.diagnostics[0].range) == expected, f"columns are not in {negotiated}"
    # The two encodings really differ here: the emoji is 4 bytes but 2 UTF-16 units, "ö" 2 bytes but 1 unit.
    other = UTF8 if negotiated == UTF16 else UTF16
    assert text_tools.range_of_substring(text, '"assitant"', other) != expected

    # Hover and outline ranges span the record's line in the same encoding.
    line = types.Range(start=types.Position(line=0, character=0),
                       end=types.Position(line=0, character=text_tools.width(EMOJI_TYPO, negotiated)))
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=1)))
    assert hover is not None and hover.range == line
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [s.range for s in symbols] == [line]


async def test_push_without_version_support(client, tmp_path):
    caps = capabilities(encodings=["utf-16"])
    caps.text_document.publish_diagnostics.version_support = False
    await client.initialize_with(caps)
    uri = uri_for(tmp_path)
    client.open(uri, EMOJI_TYPO + "\n", version=7)
    published = await client.diagnostics_for(uri)
    assert published.version is None and [d.code for d in published.diagnostics] == ["format/unknown-role"]


# MARK: push model

@pytest.mark.parametrize("encodings, negotiated", [(["utf-16"], UTF16), (["utf-8", "utf-16"], UTF8)],
                         ids=["utf-16", "utf-8"])
async def test_push_open_incremental_change_close(client, tmp_path, encodings, negotiated):
    await client.initialize_with(capabilities(encodings=encodings))
    uri = uri_for(tmp_path)
    text = "\n".join([EMOJI_TYPO, GOOD, ROCKETS]) + "\n"
    client.open(uri, text, version=1)
    first = await client.diagnostics_for(uri, 1)
    assert first.version == 1
    assert lsp_rows(client, first.diagnostics) == await oracle_rows(client, text, negotiated)
    assert [d.range.start.line for d in first.diagnostics] == [0]

    # Three changes in one notification, each range against the text the previous change left, in the
    # negotiated encoding: fix the role after the emoji, misspell the one after the rockets, insert a record.
    changes = []
    start = text.index("assitant")
    changes.append({"range": text_tools.range_of(text, start, start + len("assitant"), negotiated),
                    "text": "assistant"})
    text = text_tools.apply_change(text, changes[-1], negotiated)
    start = text.index('"assistant"', text.index("🚀🚀")) + 1
    changes.append({"range": text_tools.range_of(text, start, start + len("assistant"), negotiated),
                    "text": "asistant"})
    text = text_tools.apply_change(text, changes[-1], negotiated)
    inserted = '{"messages": [{"role": "user", "content": "✅ ok?"}, {"role": "Assistant", "content": "Fine."}]}\n'
    second_line = text.index("\n") + 1
    changes.append({"range": text_tools.range_of(text, second_line, second_line, negotiated), "text": inserted})
    text = text_tools.apply_change(text, changes[-1], negotiated)
    assert text.splitlines()[1] == inserted.strip() and "asistant" in text.splitlines()[3]

    mark = len(client.published)
    client.change(uri, 2, changes)
    second = await client.diagnostics_for(uri, 2, after=mark)
    assert lsp_rows(client, second.diagnostics) == await oracle_rows(client, text, negotiated)
    assert sorted(d.range.start.line for d in second.diagnostics) == [1, 3]
    await server_text_matches(client, uri, text, negotiated)
    await asyncio.sleep(0.3)
    stale = [p.version for p in client.published[mark:] if p.uri == uri and p.version != 2]
    assert not stale, f"diagnostics for other versions were published after version 2 was sent: {stale}"

    mark = len(client.published)
    client.close(uri)
    closed = await client.diagnostics_for(uri, after=mark)
    assert list(closed.diagnostics) == [] and closed.version is None


async def test_push_reopen_with_the_same_version_publishes_the_new_text(client, tmp_path):
    """Close a large document while it is first checked and reopen it at once with other text, at version 1
    again (a new open starts a new version history): only the new text's diagnostics may be published.

    Whether the server's first check is still running at the reopen depends on timing, so the test tries a few
    delays between the open and the close."""
    await client.initialize_with(capabilities(encodings=["utf-16"]))
    clean = chat_jsonl(3_000_000, seed=2)  # more lines than the server checks on one thread
    with_typos = clean.replace('"role": "assistant"', '"role": "assitant"', 50)
    assert clean.count("\n") == with_typos.count("\n") > 2000
    for attempt, delay in enumerate((0, 0.05, 0.15, 0.3)):
        uri = uri_for(tmp_path, f"reopened-{attempt}.jsonl")
        mark = len(client.published)
        client.open(uri, clean, version=1)
        await asyncio.sleep(delay)
        client.close(uri)
        client.open(uri, with_typos, version=1)
        await client.settled_diagnostics(uri, quiet=1.0, timeout=120, after=mark)
        mine = [p for p in client.published[mark:] if p.uri == uri]
        closed = next(i for i, p in enumerate(mine) if p.version is None)
        counts = [len(p.diagnostics) for p in mine[closed + 1:]]
        assert counts and all(count == 50 for count in counts), (
            f"after the reopen (closed {delay}s after opening), publications for version 1 carried {counts} "
            f"diagnostics; the reopened text has 50 (0 is what the closed text had)")


async def test_push_burst_of_changes_ends_on_latest_version(client, tmp_path):
    await client.initialize_with(capabilities(encodings=["utf-16"]))
    uri = uri_for(tmp_path)
    text = GOOD + "\n"
    client.open(uri, text, version=1)
    for version in range(2, 7):
        end = text_tools.position_of(text, len(text), UTF16)
        change = {"range": {"start": {"line": end[0], "character": end[1]},
                            "end": {"line": end[0], "character": end[1]}},
                  "text": (EMOJI_TYPO if version % 2 else GOOD) + "\n"}
        text = text_tools.apply_change(text, change, UTF16)
        client.change(uri, version, [change])
    await client.diagnostics_for(uri, 6)
    # Duplicates are found in the background and published again for the same version: wait for them to settle.
    expected = await oracle_rows(client, text, UTF16)
    for _ in range(50):
        await asyncio.sleep(0.1)
        last = [p for p in client.published if p.uri == uri][-1]
        if lsp_rows(client, last.diagnostics) == expected:
            break
    versions = [p.version for p in client.published if p.uri == uri]
    assert versions == sorted(versions), f"diagnostics were published out of version order: {versions}"
    assert versions[-1] == 6 and versions.count(6) == len(versions) - versions.index(6)
    assert lsp_rows(client, last.diagnostics) == expected


# MARK: pull model

async def test_pull_document_and_workspace_diagnostics(client, tmp_path):
    result = await client.initialize_with(capabilities(encodings=["utf-16"], pull=True))
    provider = result.capabilities.diagnostic_provider
    assert isinstance(provider, types.DiagnosticOptions) and provider.workspace_diagnostics
    uri, other = uri_for(tmp_path, "a.jsonl"), uri_for(tmp_path, "b.jsonl")
    text = EMOJI_TYPO + "\n" + GOOD + "\n"
    client.open(uri, text, version=1)
    client.open(other, GOOD + "\n", version=1)

    full = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert full.kind == "full" and full.result_id
    assert lsp_rows(client, full.items) == await oracle_rows(client, text, UTF16)
    assert [d.code for d in full.items] == ["format/unknown-role"]

    unchanged = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=full.result_id))
    assert unchanged.kind == "unchanged" and unchanged.result_id == full.result_id

    start = text.index("assitant")
    fix = {"range": text_tools.range_of(text, start, start + len("assitant"), UTF16), "text": "assistant"}
    client.change(uri, 2, [fix])
    fixed = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=full.result_id))
    assert fixed.kind == "full" and list(fixed.items) == [] and fixed.result_id != full.result_id

    report = await client.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(
        previous_result_ids=[types.PreviousResultId(uri=uri, value=fixed.result_id)]))
    by_uri = {item.uri: item for item in report.items}
    assert set(by_uri) == {uri, other}
    assert by_uri[uri].kind == "unchanged" and by_uri[uri].version == 2 and by_uri[uri].result_id == fixed.result_id
    assert by_uri[other].kind == "full" and by_uri[other].version == 1 and list(by_uri[other].items) == []

    client.close(uri)
    await client.text_document_hover_async(types.HoverParams(  # a round trip: the server has seen didClose
        text_document=types.TextDocumentIdentifier(uri=other), position=types.Position(line=0, character=0)))
    assert client.published == [], "a pull-model client was sent textDocument/publishDiagnostics"


# MARK: code actions

async def opened_with_diagnostics(client: StrictClient, uri: str, text: str) -> types.PublishDiagnosticsParams:
    client.open(uri, text, version=1)
    return await client.diagnostics_for(uri, 1)


def edits_of(client: StrictClient, edit: types.WorkspaceEdit, uri: str, document_changes: bool) -> list[dict]:
    if document_changes:
        assert edit.changes is None and edit.document_changes is not None and len(edit.document_changes) == 1
        document_edit = edit.document_changes[0]
        assert isinstance(document_edit, types.TextDocumentEdit)
        assert document_edit.text_document.uri == uri and document_edit.text_document.version == 1
        edits = document_edit.edits
    else:
        assert edit.document_changes is None and edit.changes is not None and set(edit.changes) == {uri}
        edits = edit.changes[uri]
    return [as_json(client, e) for e in edits]


@pytest.mark.parametrize("document_changes", [False, True], ids=["changes", "documentChanges"])
async def test_quickfix_for_misspelt_role(client, tmp_path, document_changes):
    await client.initialize_with(capabilities(encodings=["utf-16"], document_changes=document_changes))
    uri = uri_for(tmp_path)
    text = EMOJI_TYPO + "\n" + GOOD + "\n"
    diagnostic = (await opened_with_diagnostics(client, uri, text)).diagnostics[0]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))
    quickfixes = [a for a in actions or [] if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.QuickFix]
    assert len(quickfixes) == 1, f"expected one quick fix, got {actions}"
    action = quickfixes[0]
    assert "assistant" in action.title and action.is_preferred
    assert [d.code for d in action.diagnostics or []] == ["format/unknown-role"]
    assert action.diagnostics[0].range == diagnostic.range
    fixed = text_tools.apply_edits(text, edits_of(client, action.edit, uri, document_changes), UTF16)
    assert fixed == text.replace('"assitant"', '"assistant"')
    assert await oracle_rows(client, fixed, UTF16) == []


@pytest.mark.parametrize("document_changes", [False, True], ids=["changes", "documentChanges"])
async def test_fix_all_through_context_only(client, tmp_path, document_changes):
    await client.initialize_with(capabilities(encodings=["utf-16"], document_changes=document_changes))
    uri = uri_for(tmp_path)
    text = "\n".join([
        EMOJI_TYPO,
        '{"messages": [{"role": "human", "content": "🌧️ Rain?"}, {"role": "Assistant", "content": "Fenders."}]}',
        GOOD,
        '{"messages": [{"role": "user", "content": "Thanks!"}, {"role": "assistant"}]}',
    ]) + "\n"
    published = await opened_with_diagnostics(client, uri, text)
    assert sorted(d.code for d in published.diagnostics) == [
        "format/missing-content", "format/unknown-role", "format/unknown-role", "format/unknown-role"]
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))

    async def actions(only):
        return await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=whole,
            context=types.CodeActionContext(diagnostics=[], only=only)))

    found = await actions(["source.fixAll.datalint"])
    assert [a.kind for a in found] == ["source.fixAll.datalint"], f"expected only the fix-all action: {found}"
    fixed = text_tools.apply_edits(text, edits_of(client, found[0].edit, uri, document_changes), UTF16)
    assert fixed == (text.replace('"assitant"', '"assistant"').replace('"Assistant"', '"assistant"')
                     .replace('"human"', '"user"'))
    assert [row[0] for row in await oracle_rows(client, fixed, UTF16)] == ["format/missing-content"]

    # Kinds are hierarchical: asking for the parent kind source.fixAll also gets it; quickfix does not.
    assert [a.kind for a in await actions([types.CodeActionKind.SourceFixAll])] == ["source.fixAll.datalint"]
    assert all(a.kind == types.CodeActionKind.QuickFix for a in await actions([types.CodeActionKind.QuickFix]))


async def test_code_action_kinds_match_whole_segments(client, tmp_path):
    """`only` names kinds, which are hierarchical by dot-separated segments: "source.fix" is not a parent of
    "source.fixAll.datalint", nor "quick" of "quickfix"."""
    await client.initialize_with(capabilities(encodings=["utf-16"]))
    uri = uri_for(tmp_path)
    diagnostic = (await opened_with_diagnostics(client, uri, EMOJI_TYPO + "\n")).diagnostics[0]
    for only in (["source.fix"], ["quick"], ["source.fixAll.datalint.extra"]):
        found = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic], only=only)))
        assert not found, f"context.only={only} matched the kinds {[a.kind for a in found]}"


# MARK: hover, symbols, diagnostic metadata

async def test_hover_on_a_record(client, tmp_path):
    await client.initialize_with(capabilities(encodings=["utf-16"]))
    uri = uri_for(tmp_path)
    record = {"messages": [{"role": "system", "content": "Be brief."},
                           {"role": "user", "content": "How do I true a wheel?"},
                           {"role": "assistant", "content": "Use a truing stand; adjust spoke tension a quarter turn."}]}
    line = json.dumps(record)
    text = line + "\n" + "not json\n"
    await opened_with_diagnostics(client, uri, text)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=5)))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.kind == types.MarkupKind.Markdown
    value = hover.contents.value
    characters = sum(len(v) for message in record["messages"] for v in message.values())
    assert "OpenAI messages" in value, value
    assert "3 turns: system → user → assistant" in value, value
    counted = re.search(r"(\d+) tokens \(cl100k_base, chat framing included\)", value)
    assert counted, value
    # 3 messages of framing (3 each) + 3 for the reply + the roles and contents themselves.
    assert 12 + characters // 8 < int(counted.group(1)) < 12 + characters, value
    assert hover.range == types.Range(start=types.Position(line=0, character=0),
                                      end=types.Position(line=0, character=len(line)))
    for position in (types.Position(line=1, character=2), types.Position(line=2, character=0)):
        nothing = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=position))
        assert nothing is None, f"hover on a line that is no JSON record: {nothing}"


async def test_document_symbols_one_per_record(client, tmp_path):
    await client.initialize_with(capabilities(encodings=["utf-16"]))
    uri = uri_for(tmp_path)
    long_question = "Why " + "does my chain skip " * 8 + "?"
    records = [
        ({"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "🚲 Tubeless or not?"},
                       {"role": "assistant", "content": "Tubeless."}]}, "🚲 Tubeless or not?"),
        ({"conversations": [{"from": "human", "value": "Gear ratio for hills?"},
                            {"from": "gpt", "value": "Lower."}]}, "Gear ratio for hills?"),
        ({"messages": [{"role": "user", "content": long_question}, {"role": "assistant", "content": "Wear."}]},
         long_question[:80] + "…"),
        ({"prompt": "Name a tool.", "completion": "A spoke key."}, "Name a tool."),
    ]
    lines = [json.dumps(record, ensure_ascii=False) for record, _ in records]
    text = "\n".join(lines) + "\n"
    await opened_with_diagnostics(client, uri, text)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    assert symbols is not None and all(isinstance(s, types.DocumentSymbol) for s in symbols)
    assert [s.name for s in symbols] == [f"{i + 1}: {title}" for i, (_, title) in enumerate(records)]
    for index, symbol in enumerate(symbols):
        full = types.Range(start=types.Position(line=index, character=0),
                           end=types.Position(line=index, character=text_tools.width(lines[index], UTF16)))
        assert symbol.range == full and symbol.selection_range == full
        assert symbol.kind == types.SymbolKind.Object


async def test_diagnostics_carry_code_description_and_source(client, tmp_path):
    await client.initialize_with(capabilities(encodings=["utf-16"]))
    uri = uri_for(tmp_path)
    published = await opened_with_diagnostics(client, uri, (FIXTURES / "chat-problems.jsonl").read_text())
    assert len(published.diagnostics) == 4
    for diagnostic in published.diagnostics:
        assert diagnostic.source == "datalint"
        assert isinstance(diagnostic.code, str) and diagnostic.code.startswith("format/")
        assert diagnostic.severity == types.DiagnosticSeverity.Error
        assert diagnostic.code_description is not None, f"{diagnostic.code} has no codeDescription"
        href = urllib.parse.urlsplit(diagnostic.code_description.href)
        assert href.scheme == "file" and href.fragment
        page = pathlib.Path(urllib.parse.unquote(href.path))
        assert page.is_file(), f"{diagnostic.code_description.href} points to no file"
        assert f'id="{href.fragment}"' in page.read_text(), f"{page.name} has no anchor {href.fragment}"
        assert href.fragment == diagnostic.code.replace("/", "-")


# MARK: cancellation

async def test_cancel_document_symbols_on_a_large_document(client, tmp_path):
    await client.initialize_with(capabilities(encodings=["utf-16"]))
    uri = uri_for(tmp_path, "large.jsonl")
    count = 50_000
    client.open(uri, numbered_chat_lines(count), version=1)
    # pytest-lsp's send_request_async is a coroutine: run it until the request is on the wire, then cancel.
    request = asyncio.ensure_future(client.protocol.send_request_async(
        types.TEXT_DOCUMENT_DOCUMENT_SYMBOL,
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri)), msg_id="symbols-1"))
    await client.wait_until(lambda: "symbols-1" in client.protocol._request_futures, 10, "the request to be sent")
    client.cancel_request(types.CancelParams(id="symbols-1"))
    try:
        symbols = await asyncio.wait_for(request, 120)
    except JsonRpcException as error:
        assert error.code == types.LSPErrorCodes.RequestCancelled, f"cancelled request failed with {error!r}"
        outcome = "cancelled"
    else:
        assert len(symbols) == count, "a request cancelled too late must still give the full result"
        outcome = "completed"
    print(f"documentSymbol after $/cancelRequest: {outcome}")

    # The server keeps serving, and the document is intact.
    hover = await asyncio.wait_for(client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=count - 1, character=3))), 60)
    assert hover is not None and f"**Record {count}**" in hover.contents.value
    await client.diagnostics_for(uri, 1, timeout=120)
    # A cancel for a request that already finished, or that never existed, is harmless.
    client.cancel_request(types.CancelParams(id="symbols-1"))
    client.cancel_request(types.CancelParams(id=987654))
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=3)))
    assert hover is not None and "**Record 1**" in hover.contents.value


# MARK: shutdown and exit

async def test_shutdown_then_exit_exits_0(client, tmp_path):
    await client.initialize_with(capabilities(encodings=["utf-16"]))
    client.open(uri_for(tmp_path), GOOD + "\n")
    assert await client.shutdown_async(None) is None
    with pytest.raises(JsonRpcException) as refused:
        await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri_for(tmp_path)),
            position=types.Position(line=0, character=0)))
    assert refused.value.code == types.ErrorCodes.InvalidRequest, "a request after shutdown must fail with -32600"
    client.exit(None)
    assert await asyncio.wait_for(client._server.wait(), 30) == 0


async def test_exit_without_shutdown_exits_1(client):
    await client.initialize_with(capabilities(encodings=["utf-16"]))
    client.exit(None)
    assert await asyncio.wait_for(client._server.wait(), 30) == 1


# MARK: datalint/check and datalint/stats

CLI_KEYS = {"file", "line", "column", "endLine", "endColumn", "severity", "code", "message"}


def cli_json(binary: str, *arguments: str, stdin: str | None = None) -> list[dict]:
    run = subprocess.run([binary, "check", "--format", "json", "--no-progress", *arguments], input=stdin,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode in (0, 1), run.stderr
    return [json.loads(line) for line in run.stdout.splitlines() if line.strip()]


def assert_cli_shape(diagnostics: list[dict]):
    for diagnostic in diagnostics:
        assert CLI_KEYS <= diagnostic.keys(), f"missing {CLI_KEYS - diagnostic.keys()} in {diagnostic}"
        assert set(diagnostic) <= CLI_KEYS | {"fixes"}, f"unexpected members in {diagnostic}"
        assert all(isinstance(diagnostic[k], int) and diagnostic[k] >= 1
                   for k in ("line", "column", "endLine", "endColumn"))
        assert diagnostic["severity"] in ("error", "warning", "info", "hint")


async def test_datalint_check_inline_text_and_path(client, datalint_binary):
    await client.initialize_with(capabilities(encodings=["utf-16"]))
    dataset = FIXTURES / "chat-problems.jsonl"
    text = dataset.read_text()

    inline = await client.raw_request("datalint/check", {"text": text})
    assert_cli_shape(inline["diagnostics"])
    assert {d["file"] for d in inline["diagnostics"]} == {"<text>"}
    cli = cli_json(datalint_binary, "-", stdin=text)
    assert [{**d, "file": None} for d in inline["diagnostics"]] == [{**d, "file": None} for d in cli]
    assert inline["summary"] == {"files": 1, "records": 5, "errors": 4, "warnings": 0, "infos": 0, "hints": 0}
    assert [d["code"] for d in inline["diagnostics"]] == [
        "format/unknown-role", "format/no-assistant", "format/unknown-role", "format/missing-content"]

    by_path = await client.raw_request("datalint/check", {"path": str(dataset)})
    assert_cli_shape(by_path["diagnostics"])
    assert by_path["diagnostics"] == cli_json(datalint_binary, str(dataset))
    assert {d["file"] for d in by_path["diagnostics"]} == {str(dataset)}

    # UTF-16 columns, as `--columns utf16`.
    utf16 = await client.raw_request("datalint/check", {"path": str(dataset), "columns": "utf-16"})
    assert utf16["diagnostics"] == cli_json(datalint_binary, "--columns", "utf16", str(dataset))
    assert utf16["diagnostics"][0]["column"] < by_path["diagnostics"][0]["column"]

    # A path reads the datalint.toml nearest the dataset, as the CLI does.
    configured = FIXTURES / "configured" / "chat-problems.jsonl"
    with_settings = await client.raw_request("datalint/check", {"path": str(configured)})
    assert with_settings["diagnostics"] == cli_json(datalint_binary, str(configured))
    assert "format/no-assistant" not in {d["code"] for d in with_settings["diagnostics"]}
    assert with_settings["summary"]["warnings"] == 1

    for bad in ({}, {"path": str(FIXTURES / "no-such-file.jsonl")}, {"uri": "file:///not/open.jsonl"}):
        with pytest.raises(JsonRpcException) as failure:
            await client.raw_request("datalint/check", bad)
        assert failure.value.code == types.ErrorCodes.InvalidParams, bad


async def test_datalint_stats(client, datalint_binary, tmp_path):
    """datalint/stats answers what `datalint stats --format json` prints for the same text — exact token counts,
    languages, histograms — from a path, inline text, or an open document after an edit."""
    await client.initialize_with(capabilities(encodings=["utf-16"]))
    fixture = FIXTURES / "chat-problems.jsonl"

    def cli(path: pathlib.Path) -> dict:
        completed = subprocess.run([datalint_binary, "stats", "--format", "json", "--skip-checks", str(path)],
                                   capture_output=True, text=True, timeout=60)
        assert completed.returncode == 0, completed.stderr
        return json.loads(completed.stdout)

    expected = cli(fixture)
    assert expected["records"] == 5 and expected["tokensAreApproximate"] is False
    assert expected["roles"] == {"user": 5, "assistant": 2, "system": 1, "assitant": 1, "Assistant": 1}
    for params in ({"text": fixture.read_text()}, {"path": str(fixture)}):
        assert await client.raw_request("datalint/stats", params) == expected

    uri = (tmp_path / "open.jsonl").as_uri()
    lines = fixture.read_text().splitlines()
    client.open(uri, "\n".join(lines) + "\n", version=1)
    await client.diagnostics_for(uri, 1)
    edited = lines[:1] + [json.dumps({"messages": [{"role": "user", "content": "Combien font deux et deux ?"},
                                                   {"role": "assistant", "content": "Deux et deux font quatre."}]})] + lines[2:]
    end = len(lines[1].encode("utf-16-le")) // 2
    client.change(uri, 2, [{"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": end}},
                            "text": edited[1]}])
    await client.diagnostics_for(uri, 2)
    (tmp_path / "edited.jsonl").write_text("\n".join(edited) + "\n")
    assert await client.raw_request("datalint/stats", {"uri": uri}) == cli(tmp_path / "edited.jsonl")


# MARK: workspace/configuration

async def test_workspace_configuration_ignore(client, tmp_path):
    client.set_configuration({"ignore": ["format/unknown-role"]}, section="datalint")
    await client.initialize_with(capabilities(encodings=["utf-16"], configuration=True))
    uri = uri_for(tmp_path)
    text = EMOJI_TYPO + "\n" + '{"messages": [{"role": "user", "content": "Thanks!"}, {"role": "assistant"}]}\n'
    await client.wait_until(lambda: any(m.get("method") == "workspace/configuration" for m in client.raw_messages),
                            10, "the server to ask for its configuration")
    client.open(uri, text, version=1)
    # The server fetches settings without holding up other messages, so an early publication may predate them;
    # what counts is where the diagnostics settle.
    published = await client.settled_diagnostics(uri, quiet=0.5)
    assert [d.code for d in published.diagnostics] == ["format/missing-content"], \
        "the client's datalint.ignore setting was not applied"

    # New settings: the server asks again and re-publishes.
    client.set_configuration({}, section="datalint")
    mark = len(client.published)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    republished = await client.diagnostics_for(uri, 1, after=mark)
    assert sorted(d.code for d in republished.diagnostics) == ["format/missing-content", "format/unknown-role"]


async def test_workspace_configuration_arriving_during_the_first_analysis(client, tmp_path):
    """An editor opens a large dataset right after `initialized` and answers workspace/configuration a moment
    later, while the server is still checking the file: the settings must win."""
    client.set_configuration({"ignore": ["format/unknown-role"]}, section="datalint")
    client.configuration_delay = 0.3
    await client.initialize_with(capabilities(encodings=["utf-16"], configuration=True))
    uri = uri_for(tmp_path, "large.jsonl")
    text = chat_jsonl(8_000_000, seed=5, misspell_every=100)  # about a second to check
    client.open(uri, text, version=1)
    settled = await client.settled_diagnostics(uri, quiet=1.5, timeout=120)
    ignored = [d for d in settled.diagnostics if d.code == "format/unknown-role"]
    assert not ignored, (
        f"{len(ignored)} format/unknown-role diagnostics were published (last publication, version "
        f"{settled.version}) although the client's settings, which arrived during the first analysis of this "
        f"{text.count(chr(10))}-line document, ignore that code")
    # They must not linger either: an edit elsewhere re-publishes the whole document.
    mark = len(client.published)
    client.change(uri, 2, [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                            "text": " "}])
    after_edit = await client.diagnostics_for(uri, 2, after=mark, timeout=60)
    assert not [d for d in after_edit.diagnostics if d.code == "format/unknown-role"], \
        "diagnostics of an ignored code are still published after a later edit"


async def test_watched_datalint_toml(client, tmp_path):
    settings = tmp_path / "datalint.toml"
    settings.write_text('[check]\nignore = ["format/unknown-role"]\n')
    await client.initialize_with(capabilities(encodings=["utf-16"], watch_files=True))
    await client.wait_until(lambda: client.registrations, 10, "client/registerCapability")
    (registration,) = client.registrations
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    watchers = client.protocol._converter.structure(registration.register_options,
                                                    types.DidChangeWatchedFilesRegistrationOptions).watchers
    assert [w.glob_pattern for w in watchers] == ["**/datalint.toml", "**/*.jsonl", "**/*.ndjson"]
    uri = uri_for(tmp_path)
    text = EMOJI_TYPO + "\n" + '{"messages": [{"role": "user", "content": "Thanks!"}, {"role": "assistant"}]}\n'
    client.open(uri, text, version=1)
    first = await client.diagnostics_for(uri, 1)
    assert [d.code for d in first.diagnostics] == ["format/missing-content"], "datalint.toml was not applied"

    settings.write_text('[severity]\n"format/missing-content" = "warning"\n')
    mark = len(client.published)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=settings.as_uri(), type=types.FileChangeType.Changed)]))
    again = await client.diagnostics_for(uri, 1, after=mark)
    assert sorted((d.code, d.severity) for d in again.diagnostics) == [
        ("format/missing-content", types.DiagnosticSeverity.Warning),
        ("format/unknown-role", types.DiagnosticSeverity.Error)]


# MARK: progress, trace, commands

async def test_work_done_progress_on_a_large_document(client, tmp_path):
    await client.initialize_with(capabilities(encodings=["utf-16"], work_done_progress=True))
    uri = uri_for(tmp_path, "nine-megabytes.jsonl")
    client.open(uri, chat_jsonl(9_000_000, seed=9), version=1)
    await client.diagnostics_for(uri, 1, timeout=120)
    assert len(client.progress_reports) == 1, f"expected one progress token: {client.progress_reports}"
    (reports,) = client.progress_reports.values()
    assert [type(r) for r in reports] == [types.WorkDoneProgressBegin, types.WorkDoneProgressEnd], reports
    assert "nine-megabytes.jsonl" in reports[0].title


async def test_trace_messages(client, tmp_path):
    await asyncio.wait_for(client.initialize_session(types.InitializeParams(
        capabilities=capabilities(encodings=["utf-16"]), trace=types.TraceValue.Messages)), 30)
    hover = types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri_for(tmp_path)),
                              position=types.Position(line=0, character=0))
    await client.text_document_hover_async(hover)
    traces = lambda: [m for m in client.raw_messages if m.get("method") == "$/logTrace"]  # noqa: E731
    assert any("textDocument/hover" in m["params"]["message"] for m in traces()), traces()
    client.set_trace(types.SetTraceParams(value=types.TraceValue.Off))
    await client.text_document_hover_async(hover)  # the server has now handled $/setTrace
    count = len(traces())
    await client.text_document_hover_async(hover)
    await client.text_document_hover_async(hover)
    assert len(traces()) == count, "$/logTrace after $/setTrace off"


@pytest.mark.parametrize("document_changes", [False, True], ids=["changes", "documentChanges"])
async def test_execute_command_fix_all(client, tmp_path, document_changes):
    result = await client.initialize_with(capabilities(encodings=["utf-16"], apply_edit=True,
                                                       document_changes=document_changes))
    assert list(result.capabilities.execute_command_provider.commands) == ["datalint.fixAll"]
    uri = uri_for(tmp_path)
    text = EMOJI_TYPO + "\n" + GOOD + "\n" + EMOJI_TYPO.replace("assitant", "Assistant") + "\n"
    await opened_with_diagnostics(client, uri, text)
    applied = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="datalint.fixAll", arguments=[uri]))
    assert applied is True
    (request,) = client.applied_edits
    fixed = text_tools.apply_edits(text, edits_of(client, request.edit, uri, document_changes), UTF16)
    assert fixed == text.replace('"assitant"', '"assistant"').replace('"Assistant"', '"assistant"')
    for bad in (types.ExecuteCommandParams(command="datalint.noSuchCommand", arguments=[uri]),
                types.ExecuteCommandParams(command="datalint.fixAll", arguments=["file:///not/open.jsonl"])):
        with pytest.raises(JsonRpcException) as failure:
            await client.workspace_execute_command_async(bad)
        assert failure.value.code == types.ErrorCodes.InvalidParams


# MARK: the harness itself

@pytest.mark.parametrize("fault, expected", [
    ("coerced", "diagnostics[0].range.start.line was \"0\" (str), structured as 0 (int)"),
    ("extra", "diagnostics[0].sevrity is not a member of the type"),
    ("invalid", "does not structure into its lsprotocol type"),
])
async def test_harness_rejects_messages_lsprotocol_does_not_accept(fault, expected):
    """Proof that validation is strict: a fake server sends one bad publishDiagnostics."""
    config = ClientServerConfig(server_command=[sys.executable, str(FIXTURES / "misbehaving_server.py"), fault],
                                client_factory=make_strict_client)
    fake: StrictClient = await config.start()  # type: ignore[assignment]
    try:
        await fake.initialize_with(types.ClientCapabilities())
        await fake.wait_until(lambda: fake.violations, 10, "the harness to flag the bad message")
        with pytest.raises(AssertionError, match="the server broke the protocol") as verdict:
            fake.assert_conformant()
        assert expected in str(verdict.value)
        if fault == "invalid":
            assert fake.error is not None, "pytest-lsp itself did not report the unstructurable message"
    finally:
        if fake._server.returncode is None:
            fake._server.kill()
        await fake.stop()


async def test_harness_accepts_a_valid_message():
    config = ClientServerConfig(server_command=[sys.executable, str(FIXTURES / "misbehaving_server.py"), "valid"],
                                client_factory=make_strict_client)
    fake: StrictClient = await config.start()  # type: ignore[assignment]
    await fake.initialize_with(types.ClientCapabilities())
    await fake.diagnostics_for("file:///fake.jsonl", 1, timeout=10)
    await finish(fake)


# MARK: stage plugins in the editor

async def start_with_settings(client, settings: dict):
    """Initializes a client that answers `workspace/configuration` with `settings`, once the server has asked."""
    client.set_configuration(settings, section="datalint")
    await client.initialize_with(capabilities(encodings=["utf-16"], configuration=True))
    await client.wait_until(lambda: any(m.get("method") == "workspace/configuration" for m in client.raw_messages),
                            10, "the server to ask for its configuration")


def build_faulty_plugin(name: str, directory: pathlib.Path) -> str:
    """Compiles Tests/PluginHostTests/Fixtures/faulty/NAME.c as a plugin author would, with cc alone."""
    repository = pathlib.Path(__file__).resolve().parents[2]
    library = directory / f"lib{name}.so"
    subprocess.run(["cc", "-shared", "-fPIC", "-I", str(repository / "protocol"), "-o", str(library),
                    str(repository / "Tests/PluginHostTests/Fixtures/faulty" / f"{name}.c")], check=True)
    return str(library)


PLUGIN_LINES = [
    '{"messages": [{"role": "user", "content": "one"}, {"role": "assistant", "content": "Fine."}]}',
    '{"messages": [{"role": "user", "content": "TRIGGER"}, {"role": "assistant", "content": "Fine."}]}',
    '{"messages": [{"role": "user", "content": "three"}, {"role": "asistant", "content": "Fine."}]}',
]


@pytest.mark.parametrize("plugin,trigger,code", [("segfault", "CRASH", "plugin/crashed"), ("abort", "ABORT", "plugin/crashed"),
                                                 ("infinite-loop", "LOOP", "plugin/timeout"),
                                                 ("memory-hog", "HOG", "plugin/")])
async def test_a_faulty_plugin_is_reported_at_its_record_and_the_server_keeps_serving(client, tmp_path, plugin, trigger, code):
    library = build_faulty_plugin(plugin, tmp_path)
    (tmp_path / "datalint.toml").write_text("[plugins]\nmemory_limit_mb = 256\n")  # limits apply untrusted too
    await start_with_settings(client, {"plugins": [library], "pluginTimeout": 1})
    uri = uri_for(tmp_path)
    lines = [line.replace("TRIGGER", trigger) for line in PLUGIN_LINES]
    client.open(uri, "\n".join(lines) + "\n", version=1)
    # While the plugin's worker crashes or hangs, the server answers requests and the other stages' findings are out.
    hover = await asyncio.wait_for(client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=1))), 5)
    assert hover is not None
    published = await client.wait_for_diagnostics(uri, lambda p: any(d.code.startswith(code) for d in p.diagnostics), timeout=30)
    found = [(d.code, d.range.start.line) for d in published.diagnostics]
    assert [line for found_code, line in found if found_code.startswith(code)] == [1]
    assert ("format/unknown-role", 2) in found
    message = next(d.message for d in published.diagnostics if d.code.startswith(code))
    assert f"plugin {plugin}" in message

    # The record fixed, the plugin (restarted) checks it again and the finding goes.
    fixed = lines[1].replace(trigger, "two")
    client.change(uri, 2, [{"range": {"start": {"line": 1, "character": 0},
                                      "end": {"line": 1, "character": len(lines[1])}}, "text": fixed}])
    settled = await client.settled_diagnostics(uri, quiet=1.5)
    assert settled.version == 2
    assert not any(d.code.startswith("plugin/") for d in settled.diagnostics)
    assert "format/unknown-role" in [d.code for d in settled.diagnostics]


async def test_workspace_plugins_load_only_when_the_workspace_is_trusted(client, tmp_path):
    library = build_faulty_plugin("out-of-range", tmp_path)
    (tmp_path / "datalint.toml").write_text(f'[plugins]\npaths = ["{library}"]\n')
    await start_with_settings(client, {})
    uri = uri_for(tmp_path)
    client.open(uri, PLUGIN_LINES[0] + "\n", version=1)
    untrusted = await client.settled_diagnostics(uri, quiet=1.0)
    assert not any(d.code.startswith(("out-of-range/", "plugin/")) for d in untrusted.diagnostics)

    client.set_configuration({"trustWorkspace": True}, section="datalint")
    mark = len(client.published)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    trusted = await client.wait_for_diagnostics(uri, lambda p: any(d.code.startswith("out-of-range/") for d in p.diagnostics),
                                                timeout=30, after=mark)
    codes = [d.code for d in trusted.diagnostics]
    assert "plugin/invalid-output" in codes  # its out-of-range byte range and missing key are refused, not placed


async def test_invalid_plugin_output_is_refused_in_the_editor(client, tmp_path):
    library = build_faulty_plugin("bad-json", tmp_path)
    await start_with_settings(client, {"plugins": [library]})
    uri = uri_for(tmp_path)
    client.open(uri, "\n".join(PLUGIN_LINES) + "\n", version=1)
    published = await client.wait_for_diagnostics(uri, lambda p: any(d.code == "plugin/invalid-output" for d in p.diagnostics))
    refused = [d for d in published.diagnostics if d.code == "plugin/invalid-output"]
    assert sorted(d.range.start.line for d in refused) == [0, 1, 2]
    assert "rewrote the record into invalid JSON" in refused[0].message


def repeated_prompt(content: str, answer: str) -> str:
    return json.dumps({"messages": [{"role": "user", "content": content}, {"role": "assistant", "content": answer}]})


def whole_dataset_findings(published: types.PublishDiagnosticsParams) -> dict:
    """What the two whole-dataset fixtures said: `ordered`'s messages and `repeats`' ranges, by line."""
    found = {"ordered": [], "repeats": []}
    for d in published.diagnostics:
        if d.code.startswith("ordered/"):
            found["ordered"].append((d.code, d.range.start.line, d.message))
        elif d.code.startswith("repeats/"):
            found["repeats"].append((d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character))
        elif d.code.startswith("plugin/"):
            found.setdefault("plugin", []).append(d.message)
    return {key: sorted(value) for key, value in found.items()}


async def test_whole_dataset_plugins_finish_in_the_editor_after_every_change(client, tmp_path):
    ordered, repeats = build_faulty_plugin("ordered", tmp_path), build_faulty_plugin("repeats", tmp_path)
    await start_with_settings(client, {"plugins": [ordered, repeats], "pluginTimeout": 5})
    uri = uri_for(tmp_path)
    lines = [repeated_prompt("Same question?", "A."), repeated_prompt("Another one", "B."),
             repeated_prompt("A third", "C."), repeated_prompt("Same question?", "D.")]

    def prompt(line: int, text: str) -> tuple:
        """The place of the first message's content on `line`, quotes included: where `repeats` points."""
        start = text.index('"content"') + len('"content": ')
        return (line, start, line, text.index('"', start + 1) + 1)

    async def expect(version: int, records: int, repeated: list[tuple]):
        expected = {"ordered": [("ordered/count", 0, f"saw {records} records")], "repeats": sorted(repeated)}
        await client.wait_for_diagnostics(uri, lambda p: p.version == version and whole_dataset_findings(p) == expected,
                                          timeout=30)

    client.open(uri, "\n".join(lines) + "\n", version=1)
    # `finish` ran with the document at hand: each repeated prompt is found at its value, not at its line's start.
    await expect(1, 4, [prompt(0, lines[0]), prompt(3, lines[3])])

    # An edit in place that removes the repeat: the findings go, and the count is of one pass, not two.
    edited = repeated_prompt("Now different", "D.")
    client.change(uri, 2, [{"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": len(lines[3])}},
                            "text": edited}])
    lines[3] = edited
    await expect(2, 4, [])

    # A line typed above the others repeats the first prompt: every line below moved, the findings follow.
    typed = repeated_prompt("Same question?", "E.")
    client.change(uri, 3, [{"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}},
                            "text": typed + "\n"}])
    lines.insert(1, typed)
    await expect(3, 5, [prompt(0, lines[0]), prompt(1, lines[1])])

    # Deleting that line leaves no line to re-check, yet changes what `finish` says.
    client.change(uri, 4, [{"range": {"start": {"line": 1, "character": 0}, "end": {"line": 2, "character": 0}}, "text": ""}])
    del lines[1]
    await expect(4, 4, [])

    settled = await client.settled_diagnostics(uri, quiet=1.5)
    assert settled.version == 4
    assert whole_dataset_findings(settled) == {"ordered": [("ordered/count", 0, "saw 4 records")], "repeats": []}


async def test_an_edit_sends_only_its_record_to_per_record_plugins_next_to_a_whole_dataset_one(client, tmp_path):
    ordered = build_faulty_plugin("ordered", tmp_path)
    calls = build_faulty_plugin("calls", tmp_path)
    await start_with_settings(client, {"plugins": [ordered, calls], "pluginTimeout": 5})
    uri = uri_for(tmp_path)
    lines = [repeated_prompt(f"Question {n}", "Fine.") for n in range(3)]

    async def expect(version: int, calls_by_line: list[str]):
        def matches(p):
            seen = sorted((d.range.start.line, d.message) for d in p.diagnostics if d.code == "calls/seen")
            counts = [d.message for d in p.diagnostics if d.code == "ordered/count"]
            return p.version == version and seen == list(enumerate(calls_by_line)) and counts == ["saw 3 records"]
        await client.wait_for_diagnostics(uri, matches, timeout=30)

    client.open(uri, "\n".join(lines) + "\n", version=1)
    await expect(1, ["call 1", "call 1", "call 1"])
    # The whole-dataset plugin sees every record again (its count stays 3, not 4); `calls` gets line 2 alone.
    edited = repeated_prompt("Question two, edited", "Fine.")
    client.change(uri, 2, [{"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": len(lines[1])}},
                            "text": edited}])
    await expect(2, ["call 1", "call 2", "call 1"])


async def test_documents_sharing_a_whole_dataset_plugin_are_finished_one_at_a_time(client, tmp_path):
    library = build_faulty_plugin("ordered", tmp_path)
    await start_with_settings(client, {"plugins": [library], "pluginTimeout": 5})
    # Opened together and alike, the documents reach the plugin at about the same time, each in several calls into
    # the one worker they share; their sizes differ, so that a count tells whose records an instance saw.
    sizes = {uri_for(tmp_path, f"part-{index}.jsonl"): 3_000 + index for index in range(4)}
    for uri, size in sizes.items():
        client.open(uri, "\n".join(repeated_prompt(f"question {n}", "Fine.") for n in range(size)) + "\n", version=1)
    for uri, size in sizes.items():
        published = await client.wait_for_diagnostics(
            uri, lambda p: any(d.code.startswith("ordered/") for d in p.diagnostics), timeout=60)
        found = sorted((d.code, d.message) for d in published.diagnostics if d.code.startswith(("ordered/", "plugin/")))
        assert found == [("ordered/count", f"saw {size} records")], uri


@pytest.mark.parametrize("plugin,message", [("wrong-abi", "newer than this datalint's 1.0"),
                                            ("no-entry", "exports no `datalint_stage_entry` function"),
                                            ("fail-create", "could not start")])
async def test_a_plugin_that_cannot_start_is_logged_and_the_rest_runs(client, tmp_path, plugin, message):
    library = build_faulty_plugin(plugin, tmp_path)
    await start_with_settings(client, {"plugins": [library]})
    uri = uri_for(tmp_path)
    client.open(uri, "\n".join(PLUGIN_LINES) + "\n", version=1)
    settled = await client.settled_diagnostics(uri, quiet=1.0)
    assert "format/unknown-role" in [d.code for d in settled.diagnostics]
    logged = [m["params"]["message"] for m in client.raw_messages if m.get("method") == "window/logMessage"]
    assert any(message in line and f"lib{plugin}.so" in line for line in logged), logged


async def test_a_hung_plugin_does_not_hold_up_the_built_in_stages_after_an_edit(client, tmp_path):
    library = build_faulty_plugin("infinite-loop", tmp_path)
    await start_with_settings(client, {"plugins": [library], "pluginTimeout": 60})
    uri = uri_for(tmp_path)
    lines = [line.replace("TRIGGER", "LOOP") for line in PLUGIN_LINES]
    client.open(uri, "\n".join(lines) + "\n", version=1)
    await client.diagnostics_for(uri, 1, timeout=10)
    await asyncio.sleep(3)  # the plugin is started and spinning on line 2, for up to its 60 s limit
    client.change(uri, 2, [{"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}},
                            "text": lines[0] + "\n"}])
    # Duplicates are found in the background lane of the built-in stages, which a plugin's work never blocks.
    published = await client.wait_for_diagnostics(
        uri, lambda p: p.version == 2 and any(d.code == "dup/exact" for d in p.diagnostics), timeout=20)
    assert sorted(d.range.start.line for d in published.diagnostics if d.code == "dup/exact") == [3]
    assert not any(d.code.startswith("plugin/") for d in published.diagnostics)


async def test_a_plugin_slow_to_start_does_not_hold_up_the_editor(client, tmp_path):
    library = build_faulty_plugin("slow-create", tmp_path)
    await start_with_settings(client, {"plugins": [library], "pluginTimeout": 10})
    uri = uri_for(tmp_path)
    start = asyncio.get_running_loop().time()
    client.open(uri, "\n".join(PLUGIN_LINES) + "\n", version=1)
    first = await client.diagnostics_for(uri, 1, timeout=10)
    assert asyncio.get_running_loop().time() - start < 2.5, "the first diagnostics waited for the plugin to start"
    assert "format/unknown-role" in [d.code for d in first.diagnostics]
    hover = await asyncio.wait_for(client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=1))), 2)
    assert hover is not None
    seen = await client.wait_for_diagnostics(uri, lambda p: any(d.code == "slow-create/seen" for d in p.diagnostics), timeout=30)
    assert sorted(d.range.start.line for d in seen.diagnostics if d.code == "slow-create/seen") == [0, 1, 2]
