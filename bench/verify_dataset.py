#!/usr/bin/env python3
"""Check a file from bench/generate.py against its planted-error manifest, independently of datalint.

Every line is judged by a small re-implementation of the format rules for OpenAI `messages` records
(roles, content, order of turns, tool calls, template tokens, duplicate keys...). The file passes when:

  * every line NOT in the manifest is valid JSON and breaks no rule;
  * every planted line breaks (at least) the rule its manifest entry names;
  * every error kind the generator knows occurs at least once (unless --allow-missing-kinds).

Only the standard library is used; checking is about 10 MB/s, so use --max-bytes on big files.

Usage:
    python3 bench/verify_dataset.py bench/data/chat-20MB.jsonl
    python3 bench/verify_dataset.py bench/data/chat-370MB.jsonl --max-bytes 5MB
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

ROLES = {"system", "developer", "user", "assistant", "tool", "function"}
MESSAGE_KEYS = {"role", "content", "name", "tool_calls", "tool_call_id", "weight", "function_call", "refusal",
                "reasoning_content", "thinking"}
TEMPLATE_TOKENS = ["<|im_start|>", "<|im_end|>", "[INST]", "[/INST]", "<<SYS>>", "<</SYS>>", "<s>", "</s>",
                   "<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>", "<|endoftext|>",
                   "<start_of_turn>", "<end_of_turn>", "<|system|>", "<|user|>", "<|assistant|>", "<|end|>"]


class DuplicateKey(ValueError):
    pass


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise DuplicateKey("duplicate key")
    return dict(pairs)


def violations(line: bytes) -> set[str]:
    """The datalint format codes this line should trigger (empty for a clean record)."""
    if not line.strip(b" \t\r"):
        return {"format/empty-line"}
    try:
        record = json.loads(line.decode("utf-8"), object_pairs_hook=no_duplicates)
    except UnicodeDecodeError:
        return {"format/invalid-utf8"}
    except DuplicateKey:
        return {"format/duplicate-key"}
    except ValueError:
        return {"format/invalid-json"}
    found: set[str] = set()
    if not isinstance(record, dict):
        return {"format/not-an-object"}
    messages = record.get("messages")
    if not isinstance(messages, list) or not messages:
        return {"format/missing-messages"}
    call_ids: set[str] = set()
    roles: list[str | None] = []
    for message in messages:
        if not isinstance(message, dict):
            found.add("format/message-not-object")
            continue
        if set(message) - MESSAGE_KEYS:
            found.add("format/unknown-key")
        role = message.get("role")
        if role is None:
            found.add("format/missing-role")
        elif not isinstance(role, str) or role not in ROLES:
            found.add("format/unknown-role")
        calls = message.get("tool_calls")
        may_omit = role == "assistant" and (calls is not None or message.get("function_call") is not None)
        content = message.get("content")
        if content is None:
            if not may_omit:
                found.add("format/missing-content")
        elif isinstance(content, str):
            found |= text_violations(content, allow_blank=may_omit)
        elif isinstance(content, list):
            texts = []
            for part in content:
                if not isinstance(part, dict) or not isinstance(part.get("type"), str):
                    found.add("format/content-type")
                elif part["type"] == "text":
                    if isinstance(part.get("text"), str):
                        texts.append(part["text"])
                    else:
                        found.add("format/content-type")
            if not may_omit and (not content or (texts and all(not t.strip() for t in texts))):
                found.add("format/empty-content")
            for t in texts:
                found |= text_violations(t, allow_blank=True)
        else:
            found.add("format/content-type")
        if "weight" in message and message["weight"] not in (0, 1):
            found.add("format/invalid-weight")
        if calls is not None:
            found |= tool_call_violations(calls, call_ids)
        if role == "tool":
            answered = message.get("tool_call_id")
            if not isinstance(answered, str) or answered not in call_ids:
                found.add("format/orphan-tool-message")
        roles.append(role if isinstance(role, str) else None)
    seen_other = False
    previous = None
    for role in roles:
        if role in ("system", "developer"):
            if seen_other:
                found.add("format/system-not-first")
        elif role is not None:
            seen_other = True
        if role is not None and role == previous and role in ("user", "assistant"):
            found.add("format/consecutive-roles")
        previous = role
    if roles:
        if "assistant" not in roles:
            found.add("format/no-assistant")
        elif roles[-1] not in ("assistant", None):
            found.add("format/last-not-assistant")
    return found


def text_violations(text: str, allow_blank: bool) -> set[str]:
    found = set()
    if not allow_blank and not text.strip(" \t\r\n"):
        found.add("format/empty-content")
    if any(token in text for token in TEMPLATE_TOKENS):
        found.add("format/template-token")
    return found


def tool_call_violations(calls, call_ids: set[str]) -> set[str]:
    if not isinstance(calls, list):
        return {"format/tool-call-shape"}
    found = set()
    for call in calls:
        if not isinstance(call, dict):
            found.add("format/tool-call-shape")
            continue
        if isinstance(call.get("id"), str):
            call_ids.add(call["id"])
        else:
            found.add("format/tool-call-shape")
        if "type" in call and call["type"] != "function":
            found.add("format/tool-call-shape")
        function = call.get("function")
        if not isinstance(function, dict):
            found.add("format/tool-call-shape")
            continue
        if not isinstance(function.get("name"), str) or not function["name"].strip():
            found.add("format/tool-call-shape")
        arguments = function.get("arguments")
        if not isinstance(arguments, str):
            found.add("format/tool-arguments")
            continue
        try:
            if not isinstance(json.loads(arguments), dict):
                found.add("format/tool-arguments")
        except ValueError:
            found.add("format/tool-arguments")
    return found


def parse_bytes(text: str) -> int:
    units = {"KB": 10 ** 3, "MB": 10 ** 6, "GB": 10 ** 9}
    upper = text.strip().upper()
    for unit, factor in units.items():
        if upper.endswith(unit):
            return int(float(upper[:-len(unit)]) * factor)
    return int(upper)


def main() -> int:
    parser = argparse.ArgumentParser(description="Verify a generated dataset against its planted-error manifest.")
    parser.add_argument("file", help="JSONL file written by bench/generate.py")
    parser.add_argument("--manifest", help="manifest (default: FILE.planted.json)")
    parser.add_argument("--max-bytes", type=parse_bytes, help="only check the first lines up to this many bytes, e.g. 5MB")
    parser.add_argument("--allow-missing-kinds", action="store_true",
                        help="do not fail when some error kind does not occur in the checked part")
    args = parser.parse_args()

    with open(args.manifest or args.file + ".planted.json", encoding="utf-8") as f:
        manifest = json.load(f)
    expected = {p["line"]: p for p in manifest["planted"]}
    problems: list[str] = []
    seen_kinds: Counter[str] = Counter()
    side_effects: Counter[str] = Counter()    # other codes a planted line also triggers (informational)
    escapes = raw_non_ascii = checked = size = 0
    with open(args.file, "rb") as f:
        for number, line in enumerate(f, start=1):
            if args.max_bytes is not None and size >= args.max_bytes:
                break
            size += len(line)
            checked += 1
            line = line.rstrip(b"\n")
            escapes += b"\\u" in line
            raw_non_ascii += any(b >= 0x80 for b in line)
            found = violations(line)
            plant = expected.get(number)
            if plant is None:
                if found:
                    problems.append(f"line {number}: not planted, but breaks {sorted(found)}")
            else:
                seen_kinds[plant["kind"]] += 1
                for code in found - {plant["code"]}:
                    side_effects[f"{plant['kind']} -> {code}"] += 1
                if plant["code"] not in found:
                    problems.append(f"line {number}: planted {plant['kind']} ({plant['code']}), but found {sorted(found) or 'nothing'}")

    missing = [kind for kind in manifest["kinds"] if not seen_kinds[kind]]
    print(f"checked {checked:,} lines ({size / 1e6:.1f} MB): {sum(seen_kinds.values())} planted errors, "
          f"{escapes:,} lines with \\u escapes, {raw_non_ascii:,} lines with raw UTF-8")
    for kind in manifest["kinds"]:
        print(f"  {kind:30} {seen_kinds[kind]:6}  -> {manifest['kinds'][kind]}")
    if side_effects:
        print("planted lines that also trigger another code (expected, informational):")
        for what, count in sorted(side_effects.items()):
            print(f"  {what:60} {count:6}")
    for problem in problems[:30]:
        print("PROBLEM:", problem)
    if len(problems) > 30:
        print(f"... and {len(problems) - 30} more problems")
    if missing and not args.allow_missing_kinds:
        print("PROBLEM: error kinds never planted in the checked part:", ", ".join(missing))
    ok = not problems and (not missing or args.allow_missing_kinds)
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
