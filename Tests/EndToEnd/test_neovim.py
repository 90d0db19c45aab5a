"""End-to-end test of `datalint serve` in a real editor: headless Neovim (Debian's 0.7.2) and its built-in LSP client.

    python3 -m pytest Tests/EndToEnd/test_neovim.py -v

Neovim opens a JSONL file with known problems, attaches `datalint serve`, waits for the diagnostics, applies the
quick fix for the misspelt role through the editor and stops the server; Tests/EndToEnd/neovim/check_datalint.lua
writes down everything it saw, and the tests here check it against positions computed independently from the text.

The datalint binary is $DATALINT_BIN, else .build/debug/datalint (build it with `swift build --product datalint`).
The tests are skipped only when `nvim` is not installed.
"""
import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).resolve().parent / "neovim" / "check_datalint.lua"
NVIM_TIMEOUT_SECONDS = 60
WAIT_TIMEOUT_MS = 20_000

# The dataset. Astral-plane emoji (👋🏽 is two scalars, 😀 one; each scalar is 4 UTF-8 bytes and 2 UTF-16 units) come
# before each problem on the line, so UTF-16 columns differ from byte columns and from code point counts.
ROLE_LINE = '{"messages": [{"role": "user", "content": "hi 👋🏽 there"}, {"role": "assitant", "content": "hello"}]}'
INVALID_LINE = '{"messages": [{"role": "user", "content": "😀 broken"}'
TOKEN_LINE = ('{"messages": [{"role": "user", "content": "hey 😀"}, '
              '{"role": "assistant", "content": "ok 😀<|im_end|>"}]}')
DATASET_LINES = [ROLE_LINE, "", INVALID_LINE, TOKEN_LINE]

EXPECTED_CODES = [
    (0, "format/unknown-role"),
    (1, "format/empty-line"),
    (2, "format/invalid-json"),
    (3, "format/template-token"),
]
ERROR, WARNING = 1, 2


def utf16(text):
    """Length of `text` in UTF-16 code units: LSP's default `character` unit."""
    return len(text.encode("utf-16-le")) // 2


def utf8(text):
    """Length of `text` in bytes: Neovim's column unit."""
    return len(text.encode("utf-8"))


def span(line, needle):
    """(UTF-16 start, UTF-16 end, byte start, byte end) of the first `needle` in `line`."""
    index = line.index(needle)
    prefix = line[:index]
    return utf16(prefix), utf16(prefix + needle), utf8(prefix), utf8(prefix + needle)


def as_list(value):
    """Lua encodes an empty table as {}: read it as an empty list."""
    return [] if value in (None, {}) else value


class NeovimRun:
    """One run of check_datalint.lua, with everything needed to explain a failure."""

    def __init__(self, workdir, binary):
        self.workdir = workdir
        self.binary = binary
        self.dataset = workdir / "bad records.jsonl"  # a space, so the file URI is percent-encoded
        self.output = workdir / "report.json"
        self.server_log = workdir / "server-stderr.log"
        self.lsp_log = workdir / "xdg-cache" / "nvim" / "lsp.log"
        self.returncode = None
        self.stdout = self.stderr = ""
        self.report = {}
        self.seconds = None

    def run(self):
        self.dataset.write_text("\n".join(DATASET_LINES) + "\n", encoding="utf-8")
        env = dict(os.environ)
        env.update({
            "DATALINT_BIN": str(self.binary),
            "DATALINT_DATASET": str(self.dataset),
            "DATALINT_OUTPUT": str(self.output),
            "DATALINT_SERVER_LOG": str(self.server_log),
            "DATALINT_TIMEOUT_MS": str(WAIT_TIMEOUT_MS),
            # Keep Neovim's lsp.log, shada and state inside the test's directory.
            "XDG_CACHE_HOME": str(self.workdir / "xdg-cache"),
            "XDG_STATE_HOME": str(self.workdir / "xdg-state"),
            "XDG_DATA_HOME": str(self.workdir / "xdg-data"),
            "XDG_CONFIG_HOME": str(self.workdir / "xdg-config"),
        })
        command = ["nvim", "--headless", "--clean", "-u", "NONE", "-c", f"luafile {SCRIPT}"]
        started = time.monotonic()
        # A session of its own, so that on a timeout Neovim and the server it started are killed together.
        process = subprocess.Popen(command, cwd=self.workdir, env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            stdout, stderr = process.communicate(timeout=NVIM_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            stdout, stderr = process.communicate()
            self.stdout, self.stderr = stdout.decode(errors="replace"), stderr.decode(errors="replace")
            self.load_report()
            pytest.fail(f"nvim did not finish within {NVIM_TIMEOUT_SECONDS} s\n{self.explain()}")
        self.seconds = time.monotonic() - started
        self.returncode = process.returncode
        self.stdout, self.stderr = stdout.decode(errors="replace"), stderr.decode(errors="replace")
        self.load_report()

    def load_report(self):
        try:
            self.report = json.loads(self.output.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            self.report = {"failures": [f"no readable report at {self.output}: {error}"]}

    def explain(self):
        """What to look at when a check fails: Neovim's output, the server's standard error, the LSP log."""
        def read(path):
            try:
                return path.read_text(encoding="utf-8", errors="replace").strip() or "(empty)"
            except OSError as error:
                return f"(unreadable: {error})"
        return "\n".join([
            f"--- nvim exit status: {self.returncode}",
            f"--- steps completed: {self.report.get('steps')}",
            f"--- failures reported by check_datalint.lua: {self.report.get('failures')}",
            f"--- nvim stderr:\n{self.stderr.strip() or '(empty)'}",
            f"--- nvim stdout:\n{self.stdout.strip() or '(empty)'}",
            f"--- server stderr ({self.server_log}):\n{read(self.server_log)}",
            f"--- Neovim lsp.log ({self.lsp_log}):\n{read(self.lsp_log)[-4000:]}",
            f"--- report: {self.output}",
        ])

    def diagnostic(self, key, code):
        found = [d for d in as_list(self.report.get(key)) if d.get("code") == code]
        assert len(found) == 1, f"expected one {code} in {key}, found {len(found)}\n{self.explain()}"
        return found[0]

    def wire(self, publication, code):
        found = [d for d in as_list((self.report.get(publication) or {}).get("diagnostics")) if d.get("code") == code]
        assert len(found) == 1, f"expected one {code} in {publication}, found {len(found)}\n{self.explain()}"
        return found[0]


def datalint_binary():
    configured = os.environ.get("DATALINT_BIN")
    binary = Path(configured) if configured else REPO / ".build" / "debug" / "datalint"
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        pytest.fail(f"no datalint binary at {binary}: build it with `swift build --product datalint` "
                    "or set DATALINT_BIN")
    return binary.resolve()


@pytest.fixture(scope="module")
def nvim(tmp_path_factory):
    if shutil.which("nvim") is None:
        pytest.skip("nvim is not installed (Debian: apt-get install neovim); the Neovim end-to-end test needs it")
    run = NeovimRun(tmp_path_factory.mktemp("neovim"), datalint_binary())
    run.run()
    print(f"nvim {run.report.get('nvim_version')} run took {run.seconds:.2f} s; report at {run.output}")
    assert run.returncode == 0 and not as_list(run.report.get("failures")), \
        f"check_datalint.lua did not complete\n{run.explain()}"
    return run


# The tests below share one Neovim run; each checks one aspect of it.

def test_neovim_completes_every_step(nvim):
    assert nvim.report["steps"] == ["opened", "started", "initialized", "diagnostics", "code action", "applied",
                                    "republished", "queried", "stopped"], nvim.explain()
    assert nvim.report["lines_before"] == DATASET_LINES, \
        f"the buffer does not hold the dataset as written\n{nvim.explain()}"


def test_position_encoding_is_utf16(nvim):
    # Neovim 0.7.2 offers no general.positionEncodings (and no offsetEncoding), so LSP's default, UTF-16, applies;
    # the server must say so in its initialize result, and the client must be using it.
    offered = nvim.report["client_capabilities"]
    assert offered.get("general") is None, f"Neovim 0.7.2 unexpectedly sent general capabilities: {offered}"
    assert offered.get("offsetEncoding") is None
    capabilities = nvim.report["initialize_result"]["capabilities"]
    assert capabilities.get("positionEncoding") == "utf-16", f"initialize result: {capabilities}\n{nvim.explain()}"
    assert nvim.report["client_offset_encoding"] == "utf-16"


def test_diagnostic_codes_and_lines(nvim):
    on_wire = sorted((d["range"]["start"]["line"], d["code"]) for d in as_list(nvim.report["publication"]["diagnostics"]))
    shown = sorted((d["lnum"], d["code"]) for d in as_list(nvim.report["diagnostics"]))
    assert on_wire == EXPECTED_CODES, f"published diagnostics: {on_wire}\n{nvim.explain()}"
    assert shown == EXPECTED_CODES, f"vim.diagnostic.get(): {shown}\n{nvim.explain()}"
    severities = {d["code"]: d["severity"] for d in as_list(nvim.report["diagnostics"])}
    assert severities == {"format/unknown-role": ERROR, "format/empty-line": WARNING,
                          "format/invalid-json": ERROR, "format/template-token": WARNING}
    assert nvim.report["publication"]["uri"] == nvim.report["uri"]


def test_unknown_role_columns_utf16_on_wire_and_bytes_in_editor(nvim):
    start16, end16, start8, end8 = span(ROLE_LINE, '"assitant"')
    prefix = ROLE_LINE[:ROLE_LINE.index('"assitant"')]
    # The test means something only if the three units disagree.
    assert len({start16, start8, len(prefix)}) == 3, (start16, start8, len(prefix))
    wire = nvim.wire("publication", "format/unknown-role")["range"]
    assert wire == {"start": {"line": 0, "character": start16}, "end": {"line": 0, "character": end16}}, \
        f"wire range {wire}; expected UTF-16 {start16}..{end16} (bytes would be {start8}..{end8}, " \
        f"code points {len(prefix)})\n{nvim.explain()}"
    shown = nvim.diagnostic("diagnostics", "format/unknown-role")
    assert (shown["lnum"], shown["col"], shown["end_lnum"], shown["end_col"]) == (0, start8, 0, end8), \
        f"vim.diagnostic shows {shown}; expected byte columns {start8}..{end8}\n{nvim.explain()}"
    assert shown["message"] == 'unknown role "assitant"; did you mean "assistant"?'


def test_other_columns_utf16_on_wire_and_bytes_in_editor(nvim):
    start16, end16, start8, end8 = span(TOKEN_LINE, "<|im_end|>")
    wire = nvim.wire("publication", "format/template-token")["range"]
    assert wire == {"start": {"line": 3, "character": start16}, "end": {"line": 3, "character": end16}}, nvim.explain()
    shown = nvim.diagnostic("diagnostics", "format/template-token")
    assert (shown["col"], shown["end_col"]) == (start8, end8), nvim.explain()

    # The JSON breaks off at the end of the line: a point there.
    wire = nvim.wire("publication", "format/invalid-json")["range"]
    end_of_line = {"line": 2, "character": utf16(INVALID_LINE)}
    assert wire == {"start": end_of_line, "end": end_of_line}, nvim.explain()
    shown = nvim.diagnostic("diagnostics", "format/invalid-json")
    assert (shown["col"], shown["end_col"]) == (utf8(INVALID_LINE), utf8(INVALID_LINE)), nvim.explain()

    wire = nvim.wire("publication", "format/empty-line")["range"]
    assert wire["start"] == {"line": 1, "character": 0}, nvim.explain()
    shown = nvim.diagnostic("diagnostics", "format/empty-line")
    assert (shown["lnum"], shown["col"]) == (1, 0), nvim.explain()


def test_code_action_request_is_in_utf16(nvim):
    # The cursor was put on the diagnostic's byte column; make_range_params() turned it into UTF-16.
    start16 = span(ROLE_LINE, '"assitant"')[0]
    position = {"line": 0, "character": start16}
    assert nvim.report["code_action_params"]["range"] == {"start": position, "end": position}, nvim.explain()
    action = nvim.report["applied_action"]
    assert action["kind"] == "quickfix" and action["title"] == 'Change role to "assistant"', action
    assert action.get("isPreferred") is True, action


def test_quick_fix_applied_through_the_editor(nvim):
    before, after = nvim.report["lines_before"], nvim.report["lines_after"]
    assert len(after) == len(before), f"line count changed: {after}"
    assert '"assistant"' in after[0] and '"assitant"' not in after[0], after[0]
    assert after[0] == ROLE_LINE.replace('"assitant"', '"assistant"', 1), \
        f"the fixed line changed elsewhere too:\n before {before[0]}\n after  {after[0]}"
    assert after[1:] == before[1:], "the fix touched other lines"
    assert nvim.report["changedtick"]["after"] > nvim.report["changedtick"]["before"]


def test_server_follows_the_edit(nvim):
    # Neovim sent the fix as an incremental didChange with UTF-16 ranges. The server's copy of the text must match:
    # the unknown role is gone, the other diagnostics stay where they were, and the fixed record's hover range and
    # outline cover exactly the buffer's lines.
    after = nvim.report["publication_after_fix"]
    codes = sorted((d["range"]["start"]["line"], d["code"]) for d in as_list(after["diagnostics"]))
    assert codes == EXPECTED_CODES[1:], f"diagnostics after the fix: {codes}\n{nvim.explain()}"
    before = {d["code"]: d["range"] for d in as_list(nvim.report["publication"]["diagnostics"])}
    for diagnostic in as_list(after["diagnostics"]):
        assert diagnostic["range"] == before[diagnostic["code"]], diagnostic
    shown = sorted((d["lnum"], d["code"]) for d in as_list(nvim.report["diagnostics_after_fix"]))
    assert shown == EXPECTED_CODES[1:], shown

    lines = nvim.report["lines_after"]
    hover = nvim.report["hover_after_fix"]
    assert hover.get("err") is None, hover
    assert hover["result"]["range"]["end"] == {"line": 0, "character": utf16(lines[0])}, hover
    assert "user → assistant" in hover["result"]["contents"]["value"], hover
    symbols = as_list(nvim.report["symbols_after_fix"].get("result"))
    ranges = [(s["range"]["start"]["line"], s["range"]["end"]["character"]) for s in symbols]
    assert ranges == [(0, utf16(lines[0])), (3, utf16(lines[3]))], symbols


def test_server_exits_cleanly(nvim):
    assert nvim.report.get("exit") == {"code": 0, "signal": 0}, \
        f"server exit after shutdown/exit: {nvim.report.get('exit')}\n{nvim.explain()}"
    assert nvim.report.get("server_state_before_stop") in ("S", "R"), nvim.report.get("server_state_before_stop")
    # Reaped by Neovim before it quit: no /proc entry left, so no zombie.
    assert nvim.report.get("server_proc_entry_after_exit") is False, nvim.explain()
    pid = nvim.report.get("server_pid")
    assert isinstance(pid, int), nvim.report
    assert not Path(f"/proc/{pid}").exists() or "datalint" not in Path(f"/proc/{pid}/cmdline").read_bytes().decode(
        errors="replace"), f"datalint server {pid} is still there after Neovim quit"
    warnings = [m for m in as_list(nvim.report.get("log_messages")) if m.get("type") in (1, 2)]
    assert warnings == [], f"the server logged errors or warnings: {warnings}\n{nvim.explain()}"


def test_hover_counts_characters_not_bytes(nvim):
    # Record 1 after the fix: its string values are "user", "hi 👋🏽 there", "assistant" and "hello".
    values = ["user", "hi 👋🏽 there", "assistant", "hello"]
    scalars = sum(len(value) for value in values)          # 29 code points
    graphemes = scalars - 1                                 # 28: 👋🏽 is one character of two scalars
    text = nvim.report["hover_after_fix"]["result"]["contents"]["value"]
    assert f"{sum(utf8(value) for value in values)} characters" not in text, \
        f"hover counts bytes (35) as characters: {text!r}"
    assert f"{scalars} characters" in text or f"{graphemes} characters" in text, text
