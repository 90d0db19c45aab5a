"""LSP positions in Python: convert between string indices and (line, character) in a position encoding, and
apply text edits and content changes the way a client does (standard library only)."""
from __future__ import annotations

import re

UTF8 = "utf-8"
UTF16 = "utf-16"

_LINE = re.compile(r"[^\n]*\n|[^\n]+$")


def lines_with_ends(text: str) -> list[str]:
    """The lines of `text` with their terminators; a text ending in a newline has a last, empty line (as LSP)."""
    lines = _LINE.findall(text)
    if not lines or text.endswith("\n"):
        lines.append("")
    return lines


def width(text: str, encoding: str) -> int:
    """The length of `text` in code units of the encoding."""
    if encoding == UTF8:
        return len(text.encode("utf-8"))
    if encoding == UTF16:
        return len(text.encode("utf-16-le")) // 2
    raise ValueError(encoding)


def _content(line: str) -> str:
    return line[:-1] if line.endswith("\n") else line


def position_of(text: str, index: int, encoding: str) -> tuple[int, int]:
    """The (line, character) of the string index `index`."""
    line = text.count("\n", 0, index)
    start = text.rfind("\n", 0, index) + 1
    return line, width(text[start:index], encoding)


def index_of(text: str, line: int, character: int, encoding: str, *, clamp: bool = False) -> int:
    """The string index of a position. With `clamp`, positions past a line's end or past the document's end are
    moved to that end (as LSP asks of servers); without it they are an error."""
    lines = lines_with_ends(text)
    if line >= len(lines):
        if not clamp:
            raise ValueError(f"line {line} is past the end ({len(lines)} lines)")
        return len(text)
    start = sum(len(previous) for previous in lines[:line])
    content = _content(lines[line])
    units = 0
    for offset, char in enumerate(content):
        if units >= character:
            if units > character:
                raise ValueError(f"character {character} is inside a character on line {line}")
            return start + offset
        units += width(char, encoding)
    if units > character:
        raise ValueError(f"character {character} is inside the last character of line {line}")
    if units < character and not clamp:
        raise ValueError(f"character {character} is past the end of line {line} ({units})")
    return start + len(content)


def range_of(text: str, start: int, end: int, encoding: str) -> dict:
    """An LSP range (as JSON) for the string slice text[start:end]."""
    (start_line, start_char), (end_line, end_char) = position_of(text, start, encoding), position_of(text, end, encoding)
    return {"start": {"line": start_line, "character": start_char}, "end": {"line": end_line, "character": end_char}}


def range_of_substring(text: str, needle: str, encoding: str, occurrence: int = 0) -> dict:
    """The range of the `occurrence`-th (0-based) occurrence of `needle`."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    return range_of(text, index, index + len(needle), encoding)


def apply_change(text: str, change: dict, encoding: str, *, clamp: bool = False) -> str:
    """One `TextDocumentContentChangeEvent` (as JSON): a range replaced, or the whole text."""
    if "range" not in change or change["range"] is None:
        return change["text"]
    span = change["range"]
    start = index_of(text, span["start"]["line"], span["start"]["character"], encoding, clamp=clamp)
    end = index_of(text, span["end"]["line"], span["end"]["character"], encoding, clamp=clamp)
    end = max(start, end)
    return text[:start] + change["text"] + text[end:]


def apply_edits(text: str, edits: list[dict], encoding: str) -> str:
    """`TextEdit`s (as JSON) that all refer to the original text, as a WorkspaceEdit carries them."""
    spans = []
    for edit in edits:
        span = edit["range"]
        start = index_of(text, span["start"]["line"], span["start"]["character"], encoding)
        end = index_of(text, span["end"]["line"], span["end"]["character"], encoding)
        assert start <= end, f"edit range is reversed: {edit}"
        spans.append((start, end, edit["newText"]))
    spans.sort()
    for (_, first_end, _), (second_start, _, _) in zip(spans, spans[1:]):
        assert first_end <= second_start, f"edits overlap: {edits}"
    for start, end, new_text in reversed(spans):
        text = text[:start] + new_text + text[end:]
    return text
