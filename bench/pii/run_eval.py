#!/usr/bin/env python3
"""Accuracy and speed of datalint's `pii`/`secret` checks next to scrubadub and detect-secrets.

One run, one labeled file (built by build_eval_set.py), three tools:

  datalint        `datalint check --select pii,secret --format json FILE` (DATALINT_BIN, else
                  .build/release/datalint, built with `swift build -c release --product datalint` if missing).
                  Spans come from `line`/`column`/`endColumn` (1-based UTF-8 byte columns, end exclusive).
  scrubadub       its default detectors (a `scrubadub.Scrubber()`: credential, credit_card, email, phone,
                  social_security_number, twitter, url; locale en_US), run on every JSON string value of
                  every line; filth offsets are mapped back through the JSON escapes to raw byte spans.
  detect-secrets  all of its plugins with its default filters (`default_settings()`), scanning the file with
                  `detect_secrets.core.scan.scan_file` (what `detect-secrets scan FILE` runs, without the
                  baseline's de-duplication of equal secrets). It reports a line number and a secret type,
                  no span, so it is scored at line granularity.

Both peers run in child processes (`run_eval.py --worker NAME FILE OUT`), so wall time, CPU time and peak
RSS are those of a whole process for every tool, interpreter start-up included.

Matching (details in bench/pii/README.md): a prediction matches a labeled span when it overlaps it and the
tool's type maps to the label's entity type. Recall = positive labels matched / positive labels; precision =
matched predictions / (matched predictions + false positives). Predictions on `info` labels (reserved and
documentation values) are neither hits nor false positives; they are reported in their own table.

The report (Markdown) goes to stdout and bench/out/pii_eval.md; all numbers to bench/out/pii_eval.json; the
false positives and misses, with their text, to bench/out/pii_eval.errors.jsonl.

Until datalint has a `pii` stage, `--select pii,secret` exits 2 ("names no diagnostic code"); the script says
so in the report and still runs and scores the peers.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import os
import platform
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(REPO, "bench", "data")
OUT = os.path.join(REPO, "bench", "out")

ENTITY_ORDER = [
    "pii/email", "pii/phone", "pii/payment-card", "pii/iban", "pii/ssn", "pii/ip-address", "pii/mac-address",
    "pii/url-credentials", "pii/date-of-birth",
    "secret/aws-access-key", "secret/aws-secret-key", "secret/github-token", "secret/gitlab-token",
    "secret/slack-token", "secret/stripe-key", "secret/google-api-key", "secret/openai-key",
    "secret/anthropic-key", "secret/private-key", "secret/jwt", "secret/high-entropy",
]
ORDER_INDEX = {t: i for i, t in enumerate(ENTITY_ORDER)}
SECRET_TYPES = frozenset(t for t in ENTITY_ORDER if t.startswith("secret/"))
CREDENTIALS = SECRET_TYPES | {"pii/url-credentials"}
TARGETS = {"pii/payment-card": 0.98, "pii/iban": 0.98, "pii/email": 0.98, "pii/phone": 0.95, "pii/ssn": 0.95,
           "pii/ip-address": 0.95}
for _t in CREDENTIALS:
    TARGETS[_t] = 0.95

# ----------------------------------------------------------------------------------------------------------
# Mapping each tool's types onto entity types.
# A mapping returns (claim, bucket): the entity types a prediction may match, and the entity type its false
# positive is counted under (None: an unmatched prediction is not scored, e.g. scrubadub's generic `url`).
# ----------------------------------------------------------------------------------------------------------


def claim_datalint(code):
    if code == "secret/high-entropy":
        return SECRET_TYPES, code  # a generic finding of any credential still finds it
    if code == "secret/aws-access-key":
        return frozenset({"secret/aws-access-key", "secret/aws-secret-key"}), code
    return frozenset({code}), code


SCRUBADUB_MAP = {
    "email": (frozenset({"pii/email"}), "pii/email"),
    "phone": (frozenset({"pii/phone"}), "pii/phone"),
    "credit_card": (frozenset({"pii/payment-card"}), "pii/payment-card"),
    "social_security_number": (frozenset({"pii/ssn"}), "pii/ssn"),
    "date_of_birth": (frozenset({"pii/date-of-birth"}), "pii/date-of-birth"),
    "credential": (CREDENTIALS, "secret/high-entropy"),
    "url": (frozenset({"pii/url-credentials"}), None),  # any URL: only scored where it covers credentials
}


def claim_scrubadub(kind):
    return SCRUBADUB_MAP.get(kind, (frozenset(), None))  # twitter handles etc.: not evaluated


DETECT_SECRETS_MAP = {
    "AWS Access Key": (frozenset({"secret/aws-access-key", "secret/aws-secret-key"}), "secret/aws-access-key"),
    "Basic Auth Credentials": (frozenset({"pii/url-credentials"}), "pii/url-credentials"),
    "GitHub Token": (frozenset({"secret/github-token"}), "secret/github-token"),
    "GitLab Token": (frozenset({"secret/gitlab-token"}), "secret/gitlab-token"),
    "JSON Web Token": (frozenset({"secret/jwt"}), "secret/jwt"),
    "OpenAI Token": (frozenset({"secret/openai-key"}), "secret/openai-key"),
    "Private Key": (frozenset({"secret/private-key"}), "secret/private-key"),
    "Slack Token": (frozenset({"secret/slack-token"}), "secret/slack-token"),
    "Stripe Access Key": (frozenset({"secret/stripe-key"}), "secret/stripe-key"),
    "Public IP (ipv4)": (frozenset({"pii/ip-address"}), "pii/ip-address"),
}


def claim_detect_secrets(kind):
    # keyword, entropy and other vendors' plugins: any credential on the line; misses count as high-entropy
    return DETECT_SECRETS_MAP.get(kind, (CREDENTIALS, "secret/high-entropy"))


# Entity types for which a tool has a detector at all (others show "no detector" rather than recall 0).
COVERAGE = {
    "datalint": set(ENTITY_ORDER),
    "scrubadub": {"pii/email", "pii/phone", "pii/payment-card", "pii/ssn", "pii/url-credentials",
                  "secret/high-entropy"},
    "detect-secrets": set(CREDENTIALS) | {"pii/ip-address"},
}

# ----------------------------------------------------------------------------------------------------------
# Workers (run in child processes so that every tool is timed as a whole process)
# ----------------------------------------------------------------------------------------------------------

STRING_RE = re.compile(r'"(?:[^"\\]|\\.)*"')


def _escape_map(inner: str):
    """Offsets in the raw (escaped) string body of each decoded character, plus the end."""
    offs = []
    i, n = 0, len(inner)
    while i < n:
        offs.append(i)
        if inner[i] == "\\":
            if inner[i + 1] == "u":
                cp = int(inner[i + 2:i + 6], 16)
                i += 12 if (0xD800 <= cp < 0xDC00 and inner[i + 6:i + 8] == "\\u") else 6
            else:
                i += 2
        else:
            i += 1
    offs.append(n)
    return offs


def worker_scrubadub(path, out, with_dob):
    t0 = time.process_time()
    import scrubadub
    import scrubadub.filth

    scrubber = scrubadub.Scrubber()
    if with_dob:
        scrubber.add_detector("date_of_birth")
    t_import = time.process_time() - t0
    t_detect = 0.0
    n = 0
    with open(path, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
        o.write(json.dumps({"detectors": sorted(scrubber._detectors)}) + "\n")
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            is_ascii = line.isascii()
            for m in STRING_RE.finditer(line):
                j = m.end()
                while j < len(line) and line[j] in " \t":
                    j += 1
                if j < len(line) and line[j] == ":":
                    continue  # an object key
                raw = m.group()
                if len(raw) < 7:
                    continue  # five characters or fewer cannot hold any entity evaluated here
                text = json.loads(raw)
                offs = None
                t1 = time.process_time()
                found = list(scrubber.iter_filth(text))
                t_detect += time.process_time() - t1
                for fl in found:
                    subs = fl.filths if isinstance(fl, scrubadub.filth.MergedFilth) else [fl]
                    for s in subs:
                        if "\\" in raw:
                            if offs is None:
                                offs = _escape_map(raw[1:-1])
                                assert len(offs) == len(text) + 1
                            a, b = offs[s.beg], offs[s.end]
                        else:
                            a, b = s.beg, s.end
                        a += m.start() + 1
                        b += m.start() + 1
                        if not is_ascii:
                            pre = len(line[:a].encode("utf-8"))
                            a, b = pre, pre + len(line[a:b].encode("utf-8"))
                        o.write(json.dumps({"line": lineno, "start": a, "end": b, "kind": s.type}) + "\n")
                        n += 1
    with open(out + ".cpu.json", "w") as f:
        json.dump({"import_cpu": t_import, "detect_cpu": t_detect}, f)
    return n


def worker_detect_secrets(path, out):
    t0 = time.process_time()
    from detect_secrets.core import scan
    from detect_secrets.settings import default_settings

    n = 0
    with default_settings() as settings, open(out, "w", encoding="utf-8") as o:
        t_import = time.process_time() - t0
        o.write(json.dumps({"plugins": sorted(settings.plugins), "filters": sorted(settings.filters)}) + "\n")
        t1 = time.process_time()
        found = list(scan.scan_file(path))
        t_detect = time.process_time() - t1
        for s in found:
            o.write(json.dumps({"line": s.line_number, "kind": s.type}) + "\n")
            n += 1
    with open(out + ".cpu.json", "w") as f:
        json.dump({"import_cpu": t_import, "detect_cpu": t_detect}, f)
    return n


# ----------------------------------------------------------------------------------------------------------
# Running and timing
# ----------------------------------------------------------------------------------------------------------


def run_timed(cmd, stdout_path, env=None):
    """Run cmd with stdout to a file; return wall s, CPU s (user+sys), peak RSS MiB, exit status, stderr."""
    err_path = stdout_path + ".stderr"
    with open(stdout_path, "wb") as so, open(err_path, "wb") as se:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=so, stderr=se, stdin=subprocess.DEVNULL, env=env)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    with open(err_path, "rb") as se:
        stderr = se.read().decode("utf-8", "replace")
    for path in (stdout_path, err_path):
        if os.path.getsize(path) == 0:
            os.remove(path)
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss_mib": ru.ru_maxrss / 1024, "rc": p.returncode,
            "stderr": stderr, "cmd": cmd}


def peer_env():
    env = dict(os.environ)
    env["PYTHONUTF8"] = "1"  # detect-secrets opens files with the locale's encoding
    env.setdefault("OMP_NUM_THREADS", "1")
    return env


def resolve_datalint(log):
    binp = os.environ.get("DATALINT_BIN")
    if binp:
        return binp, None
    binp = os.path.join(REPO, ".build", "release", "datalint")
    if not os.path.exists(binp):
        log("datalint not built: swift build -c release --product datalint")
        r = subprocess.run(["swift", "build", "-c", "release", "--product", "datalint"], cwd=REPO)
        if r.returncode != 0 or not os.path.exists(binp):
            return None, "`swift build -c release --product datalint` failed"
    return binp, None


def datalint_cmd(binp, path, jobs=None):
    cmd = [binp, "check", "--select", "pii,secret", "--format", "json"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    return cmd + [path]


def datalint_unsupported(res):
    """None when datalint ran; otherwise a note on why it did not."""
    if res["rc"] in (0, 1):
        return None
    err = res["stderr"].strip()
    if res["rc"] == 2 and re.search(r"names no diagnostic code|unknown (selector|code|family)", err, re.I):
        return ("datalint rejected `--select pii,secret` (exit 2: " + err.splitlines()[0][:160] +
                "): its `pii` stage is not wired in yet, so datalint's columns are empty")
    return f"datalint failed (exit {res['rc']}): " + (err.splitlines()[0][:200] if err else "no message")


def read_lines_bytes(path):
    with open(path, "rb") as f:
        return [ln.rstrip(b"\n") for ln in f]


def parse_datalint(out_path, line_lens):
    preds, other = [], collections.Counter()
    with open(out_path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            raw = raw.strip()
            if not raw.startswith("{"):
                continue
            try:
                d = json.loads(raw)
            except ValueError:
                continue
            code = d.get("code", "")
            if not code.startswith(("pii/", "secret/")):
                other[code] += 1
                continue
            ln = int(d["line"])
            start = int(d["column"]) - 1
            if int(d.get("endLine", ln)) != ln:
                end = line_lens[ln - 1] if ln - 1 < len(line_lens) else start + 1
            else:
                end = int(d.get("endColumn", d["column"] + 1)) - 1
            preds.append({"line": ln, "start": start, "end": max(end, start + 1), "kind": code,
                          "severity": d.get("severity", "")})
    return preds, other


def findings_by_kind(path, prefix, with_peers, with_datalint):
    """Notes on what each tool reports on an unlabeled file: counts by kind, with a few of the texts they flag."""
    lines = read_lines_bytes(path)
    name = os.path.basename(path)
    notes = []
    sources = ([("datalint", f"{prefix}.datalint.large.jsonl")] if with_datalint else []) + (
        [("scrubadub", f"{prefix}.scrubadub.large.jsonl"), ("detect-secrets", f"{prefix}.detect-secrets.large.jsonl")]
        if with_peers else [])
    for tool, out in sources:
        if tool == "datalint":
            # run_timed removes an empty output: datalint then found nothing.
            preds = parse_datalint(out, [len(ln) for ln in lines])[0] if os.path.exists(out) else []
        elif os.path.exists(out):
            preds = read_preds(out)[1]
        else:
            continue
        counts, samples = collections.Counter(), collections.defaultdict(list)
        for pred in preds:
            counts[pred["kind"]] += 1
            if "start" in pred and len(samples[pred["kind"]]) < 2:
                text = lines[pred["line"] - 1][pred["start"]:pred["end"]].decode("utf-8", "replace")
                samples[pred["kind"]].append("`" + text.replace("`", "'")[:40] + "`")
        kinds = ", ".join(f"{count:,} {kind}" + (f" ({', '.join(samples[kind])})" if samples[kind] else "")
                          for kind, count in counts.most_common())
        notes.append(f"{tool} on `{name}` (unlabeled) reports {sum(counts.values()):,} findings"
                     + (f": {kinds}." if kinds else "."))
    return notes


def read_preds(path):
    meta, preds = {}, []
    with open(path, encoding="utf-8") as f:
        for i, raw in enumerate(f):
            d = json.loads(raw)
            if i == 0 and "line" not in d:
                meta = d
                continue
            preds.append(d)
    return meta, preds


# ----------------------------------------------------------------------------------------------------------
# Scoring
# ----------------------------------------------------------------------------------------------------------


class Labels:
    def __init__(self, path):
        self.all = []
        with open(path, encoding="utf-8") as f:
            for i, raw in enumerate(f):
                d = json.loads(raw)
                d["idx"] = i
                self.all.append(d)
        self.by_line = collections.defaultdict(list)
        for lab in self.all:
            self.by_line[lab["line"]].append(lab)
        self.pos_units = {(l["line"], l["type"]) for l in self.all if l["class"] == "positive"}

    def count(self, cls, etype=None):
        return sum(1 for l in self.all if l["class"] == cls and (etype is None or l["type"] == etype))


def score(labels: Labels, preds, claimfn, line_mode=False, has_severity=False):
    found, exact, downgraded = set(), set(), set()
    matched = collections.Counter()
    fp = collections.Counter()
    fp_attr = collections.Counter()
    info_attr = collections.Counter()
    info_hits = collections.defaultdict(set)
    neg_hits = set()
    errors = []
    neutral = unscored = 0
    for p in preds:
        claim, bucket = claimfn(p["kind"])
        here = labels.by_line.get(p["line"], ())
        if line_mode:
            ov = list(here)
        else:
            ov = [l for l in here if l["start"] < p["end"] and p["start"] < l["end"]]
        pos = [l for l in ov if l["class"] == "positive" and l["type"] in claim]
        info = [l for l in ov if l["class"] == "info" and l["type"] in claim]
        sev_info = has_severity and p.get("severity") == "info"
        if pos:
            if line_mode:
                # one prediction finds one (line, type) unit: the first of its types not found yet
                keys = sorted({(l["line"], l["type"]) for l in pos}, key=lambda k: ORDER_INDEX.get(k[1], 99))
                pick = next((k for k in keys if k not in found), keys[0])
                if sev_info:
                    downgraded.add(pick)
                    continue
                found.add(pick)
                matched[pick[1]] += 1
            else:
                if sev_info:
                    downgraded.update(l["idx"] for l in pos)
                    continue
                for l in pos:
                    found.add(l["idx"])
                    if l["start"] == p["start"] and l["end"] == p["end"]:
                        exact.add(l["idx"])
                matched[pos[0]["type"]] += 1
            continue
        if info:
            for l in info:
                info_hits[l["idx"]].add(p.get("severity") or "any")
            neutral += 1
            continue
        if bucket is None:
            unscored += 1
            continue
        negs = [l for l in ov if l["class"] == "negative"]
        if line_mode:
            negs = [l for l in negs if l["type"] in claim]
        if negs:
            attr = "hard negative: " + group(negs[0]["category"])
        elif ov and not line_mode:
            attr = "other entity (" + ov[0]["type"] + ")"
        else:
            attr = "unlabeled text"
        if sev_info:
            # datalint says "this has the shape, and it is certainly not personal data / a live secret":
            # on a hard negative that is the right call, so it is not a false positive (but it is shown)
            info_attr[attr] += 1
            neutral += 1
            continue
        fp[bucket] += 1
        neg_hits.update(l["idx"] for l in negs)
        fp_attr[attr] += 1
        errors.append({"error": "fp", "kind": p["kind"], "bucket": bucket, "line": p["line"],
                       "start": p.get("start"), "end": p.get("end"), "attribution": attr,
                       "severity": p.get("severity")})
    rows = {}
    types = [t for t in ENTITY_ORDER] + sorted(set(fp) - set(ENTITY_ORDER))
    for t in types:
        if line_mode:
            n = sum(1 for u in labels.pos_units if u[1] == t)
            tp = sum(1 for u in found if u[1] == t)
            dg = sum(1 for u in downgraded - found if u[1] == t)
        else:
            n = labels.count("positive", t)
            tp = sum(1 for i in found if labels.all[i]["type"] == t)
            dg = sum(1 for i in downgraded - found if labels.all[i]["type"] == t)
        m = matched[t]
        rows[t] = {"n": n, "tp": tp, "fn": n - tp, "fp": fp[t], "matched": m, "downgraded": dg,
                   "precision": (m / (m + fp[t])) if (m + fp[t]) else None, "recall": (tp / n) if n else None,
                   "exact": (sum(1 for i in exact if labels.all[i]["type"] == t) / tp) if (tp and not line_mode)
                   else None}
    if not line_mode:
        for l in labels.all:
            if l["class"] == "positive" and l["idx"] not in found:
                errors.append({"error": "fn", "type": l["type"], "category": l["category"], "line": l["line"],
                               "start": l["start"], "end": l["end"], "text": l["text"][:200],
                               "downgraded": l["idx"] in downgraded})
    return {"rows": rows, "fp_attr": fp_attr, "info_attr": info_attr, "info_hits": info_hits, "neg_hits": neg_hits, "neutral": neutral,
            "unscored": unscored, "errors": errors, "npred": len(preds)}


# ----------------------------------------------------------------------------------------------------------
# Report
# ----------------------------------------------------------------------------------------------------------


def group(category):
    """Categories such as `luhn-invalid:dashes` are reported by their first part."""
    return category.split(":")[0]


def f3(x):
    return "—" if x is None else f"{x:.3f}"


def fs(x):
    if x is None:
        return "—"
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"


def mb(nbytes):
    return nbytes / 1e6


def totals(rows, types):
    t = {"tp": 0, "fn": 0, "fp": 0, "matched": 0, "n": 0}
    for ty in types:
        r = rows.get(ty)
        if r:
            for k in t:
                t[k] += r[k]
    t["precision"] = t["matched"] / (t["matched"] + t["fp"]) if (t["matched"] + t["fp"]) else None
    t["recall"] = t["tp"] / t["n"] if t["n"] else None
    return t


def cell_pr(r, covered):
    if not covered:
        return "no detector", "—"
    return f"{f3(r['precision'])} / {f3(r['recall'])}", f"{r['tp']}/{r['fp']}/{r['fn']}"


def build_report(ctx):
    L = []
    w = L.append
    lab = ctx["labels"]
    meta = ctx["meta"]
    w("## PII and secrets: accuracy and speed next to scrubadub and detect-secrets")
    w("")
    w(f"Harness: `bench/pii/run_eval.py` (see `bench/pii/README.md`), run {ctx['date']} on {ctx['machine']}.")
    w("")
    if ctx["datalint_note"]:
        w(f"> **Note:** {ctx['datalint_note']}. The peers' numbers below are real; datalint's are not measured.")
        w("")
    w("### The evaluation set")
    w("")
    w(f"`{os.path.relpath(ctx['eval'], REPO)}`: {meta.get('records')} records, {mb(meta.get('bytes', 0)):.2f} MB, "
      f"built by `bench/pii/build_eval_set.py --seed {meta.get('seed')}` with Faker {meta.get('faker')} "
      f"and phonenumbers {meta.get('phonenumbers')}. OpenAI `messages` chats (with tool calls whose arguments are "
      "JSON inside a JSON string, and content-part lists), Alpaca and preference records; entities sit in natural "
      "sentences in ten languages, often after non-ASCII text (é, 中文, emoji) and inside text with JSON escapes; "
      "a sixth of the records are written with `\\uXXXX` escapes. Labels are exact raw byte spans.")
    w("")
    w("| entity | positive | info | hard negative |")
    w("|---|---:|---:|---:|")
    for t in ENTITY_ORDER:
        w(f"| `{t}` | {lab.count('positive', t)} | {lab.count('info', t)} | {lab.count('negative', t)} |")
    w(f"| **all** | {lab.count('positive')} | {lab.count('info')} | {lab.count('negative')} |")
    w("")
    w("Hard negatives are labeled with the entity they are most easily taken for: order, invoice and tracking "
      "numbers, ISBN-10/13, timestamps, serial and part numbers, arithmetic (`12 * 345 = 4140`), large numbers "
      "and prices (as `pii/phone`); version strings, OIDs, coordinates (`pii/ip-address`); UUIDs, git SHAs, "
      "sha256/md5 hashes, hex constants, Docker digests, npm integrity hashes, data URIs, tool-call ids, "
      "placeholders such as `changeme` or `${DB_PASSWORD}` (`secret/high-entropy`); vendor-prefixed placeholders "
      "(`ghp_XXXX…`); Luhn-invalid card numbers; IBANs with a wrong mod-97 check; invalid SSNs (area 000/666/9xx, "
      "group 00); SSH and certificate fingerprints (`pii/mac-address`); `icon@2x.png`, `@babel/core@7.x` "
      "(`pii/email`); URLs with a user but no password or with `${VAR}` placeholders; public keys and "
      "certificates (`secret/private-key`); JWT-shaped tokens without `alg`; non-birth dates.")
    w("")
    w("### How it is scored")
    w("")
    w("- A prediction **matches** a labeled span when the spans overlap (raw UTF-8 bytes of the line) and the "
      "tool's type maps to the label's entity type. Recall = positives matched / positives; precision = matched "
      "predictions / (matched predictions + false positives). A false positive is a prediction that overlaps no "
      "positive or info label of a type it claims: on a hard negative, on another entity (wrong type), or on "
      "unlabeled text.")
    w("- **info** labels (reserved example domains, private/loopback/documentation IPs, 555-01xx and Ofcom drama "
      "numbers, published test cards, Stripe test keys, AWS's documented example key, jwt.io's sample token) are "
      "neither hits nor false positives for any tool; see the info table. A datalint report at severity `info` on a "
      "*positive* does not count as found (it would not fail a check); such misses are counted as \"downgraded\". "
      "A datalint report at severity `info` on a hard negative or unlabeled text (say, a `${DB_USER}:${DB_PASS}` "
      "placeholder) is datalint saying it is not personal data, so it is not a false positive either; the "
      "false-positive table lists these separately.")
    w("- Type mapping. datalint: its code; `secret/high-entropy` may match any credential, "
      "`secret/aws-access-key` the id or the secret. scrubadub: `email`, `phone`, `credit_card`, "
      "`social_security_number` to the obvious entity; `credential` (user name + password) to any credential, "
      "false positives counted as `secret/high-entropy`; `url` only where it covers a URL with credentials, "
      "otherwise not scored (it claims a URL, not a secret); `twitter` not scored. detect-secrets: vendor plugins to "
      "their entity, `Basic Auth Credentials` to `pii/url-credentials`, `Public IP (ipv4)` to `pii/ip-address`, and "
      "the keyword, entropy and other-vendor plugins to any credential on the line (false positives counted as "
      "`secret/high-entropy`).")
    w("- detect-secrets reports lines, not spans, so it is scored **per line**: the unit is (line, entity type), "
      "and a prediction matches when that line has a positive of a claimed type. That is more lenient than span "
      "matching; the line-level table gives all three tools on the same footing.")
    w("- \"no detector\": the tool has nothing that looks for this entity, so it is left out of its totals.")
    w("")
    tools = [t for t in ("datalint", "scrubadub", "detect-secrets") if t in ctx["scores"]]
    w("### Per-entity precision and recall")
    w("")
    w("P / R = precision / recall; TP/FP/FN = positives found / false positives / positives missed. "
      "datalint and scrubadub by span, detect-secrets by line. \"exact\" = share of datalint's hits whose span "
      "is byte-for-byte the labeled one. Target = the issue's bar for P and R.")
    w("")
    head = "| entity | target |"
    sep = "|---|---:|"
    for t in tools:
        head += f" {t} P / R | TP/FP/FN |"
        sep += "---:|---:|"
        if t == "datalint":
            head += " exact |"
            sep += "---:|"
    w(head)
    w(sep)
    types = list(ENTITY_ORDER)
    for t in tools:
        types += [x for x in ctx["scores"][t]["span"]["rows"] if x not in types]
    for ty in types:
        row = f"| `{ty}` | {TARGETS.get(ty, '—')} |"
        for t in tools:
            sc = ctx["scores"][t]["span"]
            r = sc["rows"].get(ty)
            covered = ty in COVERAGE[t] or (r and r["fp"])
            if r is None:
                r = {"precision": None, "recall": None, "tp": 0, "fp": 0, "fn": 0, "exact": None}
            if t == "datalint" and ctx["datalint_note"]:
                row += " not run | — | — |"
                continue
            a, b = cell_pr(r, covered)
            if t == "datalint":
                ok = ""
                if ty in TARGETS and r["precision"] is not None and r["recall"] is not None:
                    ok = " ✓" if (r["precision"] >= TARGETS[ty] and r["recall"] >= TARGETS[ty]) else " ✗"
                elif ty in TARGETS:
                    ok = " ✗"
                dg = f", {r['downgraded']} at info" if r.get("downgraded") else ""
                row += f" {a}{ok} | {b}{dg} | {f3(r['exact'])} |"
            else:
                row += f" {a} | {b} |"
        w(row)
    # totals
    w("")
    w("Totals. \"its types\" sums the entity types the tool has a detector for (datalint: all of them); "
      "\"PEER's types\" gives datalint on exactly the peer's types, at the peer's granularity (line-level for "
      "detect-secrets).")
    w("")
    w("| tool | scope | positives | TP | FP | FN | precision | recall |")
    w("|---|---|---:|---:|---:|---:|---:|---:|")
    for t in tools:
        if t == "datalint" and ctx["datalint_note"]:
            continue
        mode = "line" if t == "detect-secrets" else "span"
        sc = ctx["scores"][t][mode]
        cov = [x for x in ENTITY_ORDER if x in COVERAGE[t]]
        tt = totals(sc["rows"], cov)
        w(f"| {t} | its types ({mode}) | {tt['n']} | {tt['tp']} | {tt['fp']} | {tt['fn']} | {f3(tt['precision'])} | "
          f"{f3(tt['recall'])} |")
        if t != "datalint" and "datalint" in ctx["scores"] and not ctx["datalint_note"]:
            dl = totals(ctx["scores"]["datalint"][mode]["rows"], cov)
            w(f"| datalint | {t}'s types ({mode}) | {dl['n']} | {dl['tp']} | {dl['fp']} | {dl['fn']} | "
              f"{f3(dl['precision'])} | {f3(dl['recall'])} |")
    w("")
    # line-level table for everyone
    w("### Line-level, all three tools")
    w("")
    w("Unit: (line, entity type). Only entity types with a detector in at least one peer, plus all secrets.")
    w("")
    head = "| entity |" + "".join(f" {t} P / R | TP/FP/FN |" for t in tools)
    w(head)
    w("|---|" + "---:|---:|" * len(tools))
    for ty in ENTITY_ORDER:
        if not any(ty in COVERAGE[t] for t in tools if t != "datalint"):
            continue
        row = f"| `{ty}` |"
        for t in tools:
            if t == "datalint" and ctx["datalint_note"]:
                row += " not run | — |"
                continue
            r = ctx["scores"][t]["line"]["rows"][ty]
            a, b = cell_pr(r, ty in COVERAGE[t] or r["fp"])
            row += f" {a} | {b} |"
        w(row)
    w("")
    # false positives by cause
    w("### Where the false positives are")
    w("")
    w("False positives per tool by what they overlap (datalint and scrubadub by span, detect-secrets by line).")
    w("")
    attrs = collections.Counter()
    for t in tools:
        mode = "line" if t == "detect-secrets" else "span"
        attrs.update(ctx["scores"][t][mode]["fp_attr"])
        attrs.update(ctx["scores"][t][mode]["info_attr"])
    dl_info = "datalint" in tools
    if attrs:
        w("| overlaps | " + " | ".join(tools) + (" | datalint at severity info (not counted) |" if dl_info else " |"))
        w("|---|" + "---:|" * (len(tools) + dl_info))
        for a, _ in attrs.most_common():
            cells = []
            for t in tools:
                mode = "line" if t == "detect-secrets" else "span"
                cells.append(str(ctx["scores"][t][mode]["fp_attr"].get(a, 0)))
            if dl_info:
                cells.append(str(ctx["scores"]["datalint"]["span"]["info_attr"].get(a, 0)))
            w(f"| {a} | " + " | ".join(cells) + " |")
    else:
        w("None.")
    w("")
    # hard negatives flagged
    w("Hard negatives flagged (labels overlapped by at least one false positive), by category:")
    w("")
    cats = collections.OrderedDict()
    for l in lab.all:
        if l["class"] == "negative":
            cats.setdefault((l["type"], group(l["category"])), []).append(l["idx"])
    w("| type | category | n | " + " | ".join(tools) + " |")
    w("|---|---|---:|" + "---:|" * len(tools))
    for (ty, cat), idxs in sorted(cats.items()):
        cells = []
        for t in tools:
            if t == "datalint" and ctx["datalint_note"]:
                cells.append("—")
                continue
            mode = "line" if t == "detect-secrets" else "span"
            hits = ctx["scores"][t][mode]["neg_hits"]
            cells.append(str(sum(1 for i in idxs if i in hits)))
        w(f"| `{ty}` | {cat} | {len(idxs)} | " + " | ".join(cells) + " |")
    w("")
    # info variants
    w("### Info variants (reserved and documentation values)")
    w("")
    w("Reported = overlapped by a prediction of a matching type. datalint should report these at severity `info`.")
    w("")
    icats = collections.OrderedDict()
    for l in lab.all:
        if l["class"] == "info":
            icats.setdefault((l["type"], group(l["category"])), []).append(l["idx"])
    hdr = "| type | category | n |"
    for t in tools:
        hdr += f" {t} reported |" + (" of which at info |" if t == "datalint" else "")
    w(hdr)
    w("|---|---|---:|" + "".join("---:|---:|" if t == "datalint" else "---:|" for t in tools))
    for (ty, cat), idxs in sorted(icats.items()):
        row = f"| `{ty}` | {cat} | {len(idxs)} |"
        for t in tools:
            if t == "datalint" and ctx["datalint_note"]:
                row += " — | — |"
                continue
            mode = "line" if t == "detect-secrets" else "span"
            ih = ctx["scores"][t][mode]["info_hits"]
            rep = sum(1 for i in idxs if i in ih)
            row += f" {rep} |"
            if t == "datalint":
                row += f" {sum(1 for i in idxs if ih.get(i) == {'info'})} |"
        w(row)
    w("")
    # timing
    w("### Speed")
    w("")
    w("Each tool is one process on the same file; wall time, CPU time (user + system) and peak RSS of that process "
      "(peers include the Python interpreter's start-up and, for scrubadub, walking the JSON strings). "
      f"datalint: median of {ctx['repeat']} runs; peers: one run each. MB = 10^6 bytes.")
    w("")
    w("| file | MB | tool | wall s | CPU s | MB/s | peak RSS MiB | datalint (1 job) faster by, wall / CPU |")
    w("|---|---:|---|---:|---:|---:|---:|---:|")
    for trow in ctx["timings"]:
        w(trow)
    w("")
    for s in ctx["speed_notes"]:
        w(f"- {s}")
    if ctx["speed_notes"]:
        w("")
    # verdict
    w("### Against the targets")
    w("")
    for s in ctx["verdict"]:
        w(f"- {s}")
    w("")
    w("### Notes on the peers (versions as below)")
    w("")
    w("- scrubadub runs with its defaults for locale en_US, so its phone detector (libphonenumber's matcher, "
      "region US) finds US numbers and numbers written with a `+` country code, not other countries' national "
      "formats. Its credit-card regex needs whitespace before the number and does not match numbers written with "
      "spaces or dashes (its source says so). Its email detector also accepts `word at word.` (\"I am at home.\" "
      "is an email to it). Its date-of-birth detector is not a default one (`--scrubadub-dob` adds it).")
    w("- detect-secrets runs with all 27 plugins and its default filters. The default filter "
      "`is_not_alphanumeric_string` drops every finding of its own `IPPublicDetector` (an IPv4 address has no "
      "letters), so with defaults it reports no IP addresses. `detect-secrets scan FILE` reports each distinct "
      "secret once per file; this harness keeps every (line, type) finding of the same scanner.")
    w("")
    w("### Versions and reproduction")
    w("")
    for s in ctx["versions"]:
        w(f"- {s}")
    w("")
    w("```sh")
    w("pip install -r bench/pii/requirements.txt")
    w(ctx["command"])
    w("```")
    w("")
    return "\n".join(L)


# ----------------------------------------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------------------------------------


def machine_desc():
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            for ln in f:
                if ln.startswith("model name"):
                    cpu = ln.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"`nproc` = {os.cpu_count()}, {cpu or platform.machine()}, Linux {platform.release()} (load {load})"


def head_file(src, dst, nbytes):
    """The first whole lines of src adding up to at least nbytes."""
    if os.path.exists(dst) and os.path.getmtime(dst) >= os.path.getmtime(src):
        return dst
    tot = 0
    with open(src, "rb") as fi, open(dst + ".tmp", "wb") as fo:
        for ln in fi:
            fo.write(ln)
            tot += len(ln)
            if tot >= nbytes:
                break
    os.replace(dst + ".tmp", dst)
    return dst


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", default=os.path.join(DATA, "pii-eval.jsonl"),
                    help="labeled evaluation file (built with build_eval_set.py defaults if missing)")
    ap.add_argument("--labels", help="labels sidecar (default EVAL.labels.jsonl)")
    ap.add_argument("--large", default=os.path.join(DATA, "pii-large.jsonl"),
                    help="large file for throughput (built with --size LARGE_SIZE if missing)")
    ap.add_argument("--large-size", default="100MB")
    ap.add_argument("--no-large", action="store_true", help="skip the large-file throughput runs")
    ap.add_argument("--peer-mb", type=float, default=10.0,
                    help="peers run on the first this-many MB of the large file (default 10); datalint runs on "
                         "that head and on the whole file")
    ap.add_argument("--peers-full-large", action="store_true", help="run the peers on the whole large file too")
    ap.add_argument("--repeat", type=int, default=3, help="datalint timing runs per file (median; default 3)")
    ap.add_argument("--scrubadub-dob", action="store_true",
                    help="also enable scrubadub's date_of_birth detector (not in its defaults)")
    ap.add_argument("--skip-peers", action="store_true", help="datalint only (quick check)")
    ap.add_argument("--out", default=os.path.join(OUT, "pii_eval.md"))
    ap.add_argument("--worker", choices=["scrubadub", "detect-secrets"], help=argparse.SUPPRESS)
    ap.add_argument("--worker-dob", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("worker_args", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        src, dst = args.worker_args
        if args.worker == "scrubadub":
            worker_scrubadub(src, dst, args.worker_dob)
        else:
            worker_detect_secrets(src, dst)
        return 0

    def log(msg):
        print(f"[run_eval] {msg}", file=sys.stderr, flush=True)

    os.makedirs(OUT, exist_ok=True)
    os.makedirs(DATA, exist_ok=True)
    builder = os.path.join(HERE, "build_eval_set.py")
    if not os.path.exists(args.eval):
        log(f"building {args.eval}")
        subprocess.run([sys.executable, builder, "--out", args.eval], check=True)
    labels_path = args.labels or args.eval + ".labels.jsonl"
    meta_path = args.eval + ".meta.json"
    meta = json.load(open(meta_path)) if os.path.exists(meta_path) else {"bytes": os.path.getsize(args.eval)}
    labels = Labels(labels_path)
    line_lens = [len(x) for x in read_lines_bytes(args.eval)]

    binp, build_err = resolve_datalint(log)
    scores = {}
    runs = collections.defaultdict(dict)  # runs[file][tool] = timing
    datalint_note = build_err
    prefix = os.path.splitext(args.out)[0]  # every output of this run is named after the report
    os.makedirs(os.path.dirname(os.path.abspath(prefix)), exist_ok=True)
    dl_pred_path = prefix + ".datalint.jsonl"

    def time_datalint(path, key):
        res_all = []
        for jobs in (None, 1):
            rs = []
            for _ in range(max(1, args.repeat)):
                r = run_timed(datalint_cmd(binp, path, jobs), prefix + ".datalint.timing.tmp")
                rs.append(r)
            for tmp in (prefix + ".datalint.timing.tmp", prefix + ".datalint.timing.tmp.stderr"):
                if os.path.exists(tmp):
                    os.remove(tmp)
            best = sorted(rs, key=lambda r: r["wall"])[len(rs) // 2]
            runs[key]["datalint" if jobs is None else "datalint, 1 job"] = best
            res_all.append(best)
        return res_all

    # --- datalint on the eval file
    if binp and not datalint_note:
        log(f"datalint: {' '.join(datalint_cmd(binp, args.eval))}")
        res = run_timed(datalint_cmd(binp, args.eval), dl_pred_path)
        datalint_note = datalint_unsupported(res)
        if datalint_note:
            log(datalint_note)
        else:
            preds, other = parse_datalint(dl_pred_path, line_lens)
            log(f"datalint: {len(preds)} pii/secret diagnostics ({sum(other.values())} others ignored)")
            scores["datalint"] = {
                "span": score(labels, preds, claim_datalint, has_severity=True),
                "line": score(labels, preds, claim_datalint, line_mode=True, has_severity=True)}
            time_datalint(args.eval, args.eval)

    # --- peers on the eval file
    worker = [sys.executable, os.path.abspath(__file__)]
    peer_meta = {}

    def run_peer(name, path, out):
        cmd = worker + ["--worker", name] + (["--worker-dob"] if (name == "scrubadub" and args.scrubadub_dob)
                                             else []) + [path, out]
        log(f"{name}: {os.path.basename(path)} …")
        r = run_timed(cmd, out + ".stdout", env=peer_env())
        if r["rc"] != 0:
            sys.exit(f"{name} worker failed (exit {r['rc']}):\n{r['stderr'][-3000:]}")
        try:
            with open(out + ".cpu.json") as f:
                r.update(json.load(f))
        except (OSError, ValueError):
            pass
        log(f"{name}: {r['wall']:.1f} s wall, {r['cpu']:.1f} s CPU")
        return r

    if not args.skip_peers:
        for name, claimfn, mode in (("scrubadub", claim_scrubadub, "span"),
                                    ("detect-secrets", claim_detect_secrets, "line")):
            out = f"{prefix}.{name}.jsonl"
            runs[args.eval][name] = run_peer(name, args.eval, out)
            pm, preds = read_preds(out)
            peer_meta[name] = pm
            sc = {"line": score(labels, preds, claimfn, line_mode=True)}
            if mode == "span":
                sc["span"] = score(labels, preds, claimfn)
            else:
                sc["span"] = sc["line"]  # detect-secrets has no spans: its main table is line-level
            scores[name] = sc
    if args.scrubadub_dob:
        COVERAGE["scrubadub"].add("pii/date-of-birth")

    # --- large file: throughput
    files = [args.eval]
    if not args.no_large:
        if not os.path.exists(args.large):
            log(f"building {args.large} ({args.large_size})")
            subprocess.run([sys.executable, builder, "--size", args.large_size, "--seed", "7", "--no-labels",
                            "--out", args.large], check=True)
        stem = os.path.splitext(os.path.basename(args.large))[0]
        head = head_file(args.large, os.path.join(DATA, f"{stem}.head{args.peer_mb:g}MB.jsonl"),
                         int(args.peer_mb * 1e6))
        files += [head, args.large]
        if binp and not datalint_note:
            for p in (head, args.large):
                log(f"datalint timing on {os.path.basename(p)}")
                time_datalint(p, p)
        if not args.skip_peers:
            for p in ([head, args.large] if args.peers_full_large else [head]):
                for name in ("scrubadub", "detect-secrets"):
                    runs[p][name] = run_peer(name, p, f"{prefix}.{name}.large.jsonl")
        if binp and not datalint_note:
            run_timed(datalint_cmd(binp, head), f"{prefix}.datalint.large.jsonl")
        unlabeled_findings = findings_by_kind(head, prefix, with_peers=not args.skip_peers,
                                              with_datalint=bool(binp and not datalint_note))

    # --- timings table and speed notes
    timings, speed_notes = [], []
    ratios = collections.defaultdict(list)
    for p in files:
        size = os.path.getsize(p)
        base = runs[p].get("datalint, 1 job")
        for tool in ("datalint", "datalint, 1 job", "scrubadub", "detect-secrets"):
            r = runs[p].get(tool)
            if not r:
                continue
            ratio = ""
            if base and tool in ("scrubadub", "detect-secrets"):
                rw, rc = r["wall"] / base["wall"], r["cpu"] / max(base["cpu"], 1e-3)
                ratio = f"{rw:,.0f}× / {rc:,.0f}×"
                ratios[tool].append((os.path.basename(p), rw, rc))
            timings.append(f"| `{os.path.basename(p)}` | {mb(size):.1f} | {tool} | {fs(r['wall'])} | {fs(r['cpu'])} | "
                           f"{mb(size) / r['wall']:.2f} | {r['rss_mib']:.0f} | {ratio} |")
            if "detect_cpu" in r:
                extra = ""
                if base:
                    extra = (f"; even against that alone datalint (1 job, whole process) is "
                             f"{r['detect_cpu'] / max(base['cpu'], 1e-3):,.0f}× faster in CPU")
                speed_notes.append(f"{tool} on `{os.path.basename(p)}`: of its {r['cpu']:.2f} CPU s, "
                                   f"{r['import_cpu']:.2f} s were importing and setting up, and "
                                   f"{r['detect_cpu']:.2f} s were inside its detectors"
                                   + (" (the rest: interpreter start-up, walking the JSON strings, mapping offsets)"
                                      if tool == "scrubadub"
                                      else " (`scan_file`)") + extra + ".")
        if not args.peers_full_large and p == args.large and not args.skip_peers:
            for tool in ("scrubadub", "detect-secrets"):
                hr = runs[files[1]].get(tool) if len(files) > 1 else None
                if hr:
                    rate = mb(os.path.getsize(files[1])) / hr["wall"]
                    speed_notes.append(f"{tool} on the whole `{os.path.basename(p)}` was not run; at its rate on "
                                       f"the head ({rate:.2f} MB/s) it would take about {mb(size) / rate:,.0f} s "
                                       "(extrapolated, not measured; `--peers-full-large` runs it).")
    if not args.no_large:
        speed_notes.extend(unlabeled_findings)
    if not (binp and not datalint_note):
        speed_notes.append("datalint was not timed: " + (datalint_note or "no binary") + ".")

    # --- verdict
    verdict = []
    if "datalint" in scores:
        rows = scores["datalint"]["span"]["rows"]
        miss = [t for t in TARGETS if rows[t]["n"] and not (
            rows[t]["precision"] is not None and rows[t]["precision"] >= TARGETS[t] and rows[t]["recall"] >= TARGETS[t])]
        met = [t for t in TARGETS if t not in miss and rows[t]["n"]]
        verdict.append(f"Targets met by datalint for {len(met)} of {len(met) + len(miss)} entity types"
                       + (f"; not met: {', '.join('`' + t + '`' for t in sorted(miss))}." if miss else "."))
        for peer in ("scrubadub", "detect-secrets"):
            if peer not in scores:
                continue
            mode = "line" if peer == "detect-secrets" else "span"
            cov = [x for x in ENTITY_ORDER if x in COVERAGE[peer]]
            d, pp = totals(scores["datalint"][mode]["rows"], cov), totals(scores[peer][mode]["rows"], cov)
            ok = d["tp"] >= pp["tp"] and d["fp"] < pp["fp"]
            verdict.append(f"vs {peer} on its entity types ({mode}): datalint finds {d['tp']} of {d['n']} "
                           f"(peer {pp['tp']}) with {d['fp']} false positives (peer {pp['fp']}): "
                           + ("**met**." if ok else "**not met**."))
            for fname, rw, rc in ratios.get(peer, []):
                verdict.append(f"speed vs {peer} on `{fname}`: {rw:,.0f}× wall, {rc:,.0f}× CPU (datalint on one "
                               f"thread) — " + ("**met** (≥ 100×)." if rw >= 100 else "**not met** (< 100×)."))
    else:
        verdict.append("datalint not measured: " + (datalint_note or "no binary") + ".")
        for peer in ("scrubadub", "detect-secrets"):
            if peer in scores:
                mode = "line" if peer == "detect-secrets" else "span"
                cov = [x for x in ENTITY_ORDER if x in COVERAGE[peer]]
                pp = totals(scores[peer][mode]["rows"], cov)
                verdict.append(f"{peer} on its entity types ({mode}): {pp['tp']} of {pp['n']} found, "
                               f"{pp['fp']} false positives — the bar datalint has to clear.")

    # --- versions
    versions = []
    try:
        import faker, scrubadub, phonenumbers
        from detect_secrets.__version__ import VERSION as ds_version
        versions.append(f"Python {platform.python_version()}; Faker {faker.VERSION}; scrubadub {scrubadub.__version__} "
                        f"(detectors: {', '.join(peer_meta.get('scrubadub', {}).get('detectors', []))}); "
                        f"detect-secrets {ds_version} ({len(peer_meta.get('detect-secrets', {}).get('plugins', {}))} "
                        f"plugins, default filters); phonenumbers {phonenumbers.__version__}")
    except ImportError as exc:
        versions.append(f"peer versions unavailable ({exc})")
    try:
        commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        versions.append(f"datalint: `{binp}` at commit {commit}{' plus uncommitted changes' if dirty else ''}")
    except OSError:
        pass
    cmd = "python3 bench/pii/run_eval.py" + "".join(
        f" {flag}" for flag, on in (("--scrubadub-dob", args.scrubadub_dob), ("--no-large", args.no_large),
                                    ("--peers-full-large", args.peers_full_large and not args.no_large),
                                    (f"--peer-mb {args.peer_mb:g}", args.peer_mb != 10.0 and not args.no_large))
        if on)

    ctx = {"labels": labels, "meta": meta, "eval": args.eval, "scores": scores, "datalint_note": datalint_note,
           "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
           "machine": machine_desc(), "timings": timings, "speed_notes": speed_notes, "verdict": verdict,
           "versions": versions, "command": cmd, "repeat": args.repeat}
    report = build_report(ctx)
    print(report)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(report + "\n")
    # machine-readable numbers and the errors, for inspection
    dump = {"datalint_note": datalint_note, "eval": args.eval, "scores": {}, "timings": {}}
    for t, sc in scores.items():
        dump["scores"][t] = {m: {"rows": v["rows"], "fp_attr": dict(v["fp_attr"]), "info_attr": dict(v["info_attr"]),
                                 "npred": v["npred"],
                                 "neutral": v["neutral"], "unscored": v["unscored"]} for m, v in sc.items()}
    for p, d in runs.items():
        dump["timings"][os.path.basename(p)] = {k: {x: v[x] for x in ("wall", "cpu", "rss_mib", "rc", "import_cpu",
                                                                  "detect_cpu") if x in v}
                                                for k, v in d.items()}
    with open(prefix + ".json", "w", encoding="utf-8") as f:
        json.dump(dump, f, indent=1)
    lines = read_lines_bytes(args.eval)
    with open(prefix + ".errors.jsonl", "w", encoding="utf-8") as f:
        for t, sc in scores.items():
            mode = "line" if t == "detect-secrets" else "span"
            for e in sc[mode]["errors"]:
                e = dict(e, tool=t)
                if e.get("start") is not None and e["error"] == "fp":
                    ln = lines[e["line"] - 1]
                    e["text"] = ln[e["start"]:e["end"]].decode("utf-8", "replace")[:200]
                    e["context"] = ln[max(0, e["start"] - 40):e["end"] + 40].decode("utf-8", "replace")
                f.write(json.dumps(e, ensure_ascii=False) + "\n")
    log(f"report: {os.path.relpath(args.out, REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
