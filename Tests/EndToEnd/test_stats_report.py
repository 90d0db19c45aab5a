"""`datalint stats --html`: the report opens in headless Chromium without errors, its SVGs are well-formed XML, and
every histogram bar and coverage row carries the numbers of `datalint stats --format json` on the same files.

Chromium comes from Debian's `chromium` package, which the test command installs (scripts/install-dependencies.sh
--test); the test fails, rather than skips, without it.
"""
from __future__ import annotations

import html
import json
import pathlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest

SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"


def _chat(user: str, assistant: str, system: str | None = None) -> str:
    messages = ([{"role": "system", "content": system}] if system else []) + [
        {"role": "user", "content": user}, {"role": "assistant", "content": assistant}]
    return json.dumps({"messages": messages}, ensure_ascii=False)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> pathlib.Path:
    """Chats in English, French and Japanese with varied lengths, Alpaca records, a repeated record, an email."""
    folder = tmp_path_factory.mktemp("stats")
    lines = []
    for index in range(60):
        words = " ".join(["river", "stone", "cloud", "light"] * (1 + index % 9))
        lines.append(_chat(f"Question {index}: why does the {words} matter here?",
                           f"Because the {words} shapes the valley over many years.", system="Be brief." if index % 3 else None))
    lines += [_chat("Pourquoi le ciel est-il bleu pendant la journée ?", "La lumière bleue est diffusée par l'air plus que les autres couleurs.")] * 2
    lines.append(_chat("空はなぜ青いのですか？教えてください。", "太陽の光が空気の分子で散乱され、青い光が最も強く散らばるからです。"))
    lines.append(_chat("Write to me at jane.doe@gmail.com about the <tags> & \"quotes\".", "I will write to you tomorrow."))
    lines += [json.dumps({"instruction": f"Explain item {i}.", "input": "", "output": "It is explained in detail. " * (i + 1)})
              for i in range(5)]
    path = folder / "data.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def outputs(datalint_binary, dataset, tmp_path_factory):
    report = tmp_path_factory.mktemp("report") / "report.html"
    completed = subprocess.run([datalint_binary, "stats", "--format", "json", "--html", str(report), str(dataset)],
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout), report


def _svgs(page: str) -> dict[str, ElementTree.Element]:
    found = {}
    for source in re.findall(r"<svg\b.*?</svg>", page, flags=re.S):
        element = ElementTree.fromstring(source)  # raises on anything that is not well-formed XML
        assert element.tag == SVG_NAMESPACE + "svg"
        found[element.get("id")] = element
    return found


def _bars(svg: ElementTree.Element) -> list[dict]:
    return [{"from": int(rect.get("data-from")), "to": int(rect.get("data-to")), "count": int(rect.get("data-count"))}
            for rect in svg.iter(SVG_NAMESPACE + "rect")]


def _table(page: str, identifier: str) -> list[list[str]]:
    body = re.search(rf'<table id="{identifier}">.*?<tbody>(.*?)</tbody>', page, flags=re.S).group(1)
    return [[html.unescape(cell) for cell in re.findall(r"<td>(.*?)</td>", row)] for row in re.findall(r"<tr>(.*?)</tr>", body)]


def test_every_svg_is_well_formed_and_carries_the_json_histograms(outputs):
    statistics, report = outputs
    svgs = _svgs(report.read_text(encoding="utf-8"))
    histograms = statistics["histograms"]
    expected = {"tokens-per-record": histograms["tokensPerRecord"], "turns-per-record": histograms["turnsPerRecord"]}
    expected.update({f"tokens-role-{role}": bins for role, bins in histograms["tokensByRole"].items()})
    assert set(svgs) == set(expected)
    assert set(histograms["tokensByRole"]) == {"system", "user", "assistant"}
    for identifier, bins in expected.items():
        assert _bars(svgs[identifier]) == bins, identifier
        assert sum(bin["count"] for bin in bins) > 0
    assert sum(bin["count"] for bin in histograms["tokensPerRecord"]) == statistics["records"]
    assert sum(bin["count"] for bin in histograms["turnsPerRecord"]) == statistics["records"] - 5  # Alpaca has no turns


def test_coverage_and_findings_tables_carry_the_json_counts(outputs):
    statistics, report = outputs
    page = report.read_text(encoding="utf-8")
    assert {row[0]: int(row[1]) for row in _table(page, "schemas")} == statistics["schemas"]
    languages = {re.search(r"\((\w+)\)$", row[0]).group(1): int(row[1]) for row in _table(page, "languages")}
    assert languages == statistics["languages"]
    assert {"en", "fr", "ja"} <= set(languages)
    assert {row[0]: int(row[1]) for row in _table(page, "roles")} == statistics["roles"]
    duplicates = {row[0]: int(row[1]) for row in _table(page, "duplicates")}
    assert duplicates["exact duplicates"] == statistics["duplicates"]["exact"] == 1
    assert {row[0]: int(row[1]) for row in _table(page, "personal-data")} == statistics["personalData"] == {"pii/email": 1}
    # User text is escaped, never markup: the record with "<tags>" does not open an element.
    assert "<tags>" not in page


def test_the_report_opens_in_headless_chromium_without_errors(outputs, tmp_path):
    _, report = outputs
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "chromium is not installed (scripts/install-dependencies.sh --test installs it)"
    screenshot = tmp_path / "report.png"
    completed = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", f"--screenshot={screenshot}", report.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr[-3000:]
    console = [line for line in completed.stderr.splitlines()
               if "CONSOLE" in line or "Uncaught" in line or "Refused to" in line or "net::ERR" in line]
    assert console == [], console
    assert completed.stdout.count("<svg") == len(_svgs(report.read_text(encoding="utf-8")))
    assert screenshot.stat().st_size > 10_000
