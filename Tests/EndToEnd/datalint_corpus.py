"""Realistic chat-format JSONL generated on the fly for the end-to-end tests (standard library only)."""
from __future__ import annotations

import json
import random

_WORDS = (
    "the a my your this bicycle chain brake rotor wheel torque derailleur cassette tire pressure ride weather "
    "Lyon Köln shop repair adjust check replace clean oil lube spoke hub saddle gear shift cable housing "
    "quickly gently carefully every week after rain before racing commute touring gravel road mountain"
).split()
_EMOJI = ("🚲", "🔧", "🌧️", "⛰️", "🚀", "✅")
_SYSTEM = '{"role": "system", "content": "You are a concise assistant for a bicycle repair shop."}, '


def _sentence(rnd: random.Random, low: int, high: int) -> str:
    text = " ".join(rnd.choice(_WORDS) for _ in range(rnd.randint(low, high))).capitalize() + "."
    if rnd.random() < 0.1:
        text += " " + rnd.choice(_EMOJI)
    return text


def _escaped(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)[1:-1]


def chat_jsonl(target_bytes: int, *, seed: int = 0, misspell_every: int = 0) -> str:
    """OpenAI-style `messages` records, one a line, until the text holds at least `target_bytes` UTF-8 bytes.

    Every `misspell_every`-th record (0: none) has the role `assitant`, so a known number of
    `format/unknown-role` errors is in the text.
    """
    rnd = random.Random(seed)
    questions = [_escaped(_sentence(rnd, 5, 30)) for _ in range(4096)]
    answers = [_escaped(" ".join(_sentence(rnd, 5, 20) for _ in range(rnd.randint(1, 4)))) for _ in range(4096)]
    lines: list[str] = []
    size = 0
    index = 0
    while size < target_bytes:
        role = "assitant" if misspell_every and index % misspell_every == misspell_every - 1 else "assistant"
        turns = [
            f'{{"role": "user", "content": "Q{index}: {questions[rnd.getrandbits(12)]}"}}, '
            f'{{"role": "{role if turn == 0 else "assistant"}", "content": "{answers[rnd.getrandbits(12)]}"}}'
            for turn in range(1 + index % 3)
        ]
        line = '{"messages": [' + (_SYSTEM if index % 4 == 0 else "") + ", ".join(turns) + "]}"
        lines.append(line)
        size += len(line) + 1  # characters: a lower bound of the UTF-8 size
        index += 1
    return "\n".join(lines) + "\n"


def numbered_chat_lines(count: int) -> str:
    """`count` small, valid chat records; record i's first user message is `Question i`."""
    return "".join(
        f'{{"messages": [{{"role": "user", "content": "Question {i}"}}, '
        f'{{"role": "assistant", "content": "Answer {i}."}}]}}\n'
        for i in range(count)
    )
