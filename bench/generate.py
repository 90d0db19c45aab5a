#!/usr/bin/env python3
"""Generate a realistic chat fine-tuning dataset (JSONL) with planted errors, deterministically.

Records are OpenAI-style chat records, {"messages": [...]}: system prompts, multi-turn conversations,
tool calls (arguments JSON-encoded in a string) answered by `tool` messages, content given as a list of
parts, and text that exercises a JSON scanner: English prose, Markdown, code blocks (escaped newlines,
tabs, quotes and backslashes), CJK, accented European text and emoji. About a third of the records are
written with `ensure_ascii=True`, so `\\uXXXX` escapes (including surrogate pairs) and raw UTF-8 both
appear, and compact and spaced separators are mixed, as in a dataset merged from several sources.

A fraction of the lines (--error-rate) carry one planted error each, of varied kinds; the sidecar
manifest FILE.planted.json lists the line number, kind and expected datalint code of each.

The same seed always gives the same bytes, and a smaller file is a prefix of a larger one made with the
same seed and error rate (generation never looks at the target size), so `head -n` of a big file is a
valid smaller benchmark file.

Only the standard library is used. Output is streamed to disk.

Examples:
    python3 bench/generate.py --size 370MB --out bench/data/chat-370MB.jsonl
    python3 bench/generate.py --records 2000 --seed 7 --error-rate 0.05 --out /tmp/small.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import string
import sys
import time

GENERATOR_VERSION = 1

# Mean paragraphs per answer per unit of answer size; tuned so that a record averages about 1.85 KB
# (200,000 records = 370 MB).
PARAGRAPH_SCALE = 1.08

# --------------------------------------------------------------------------------------------------
# Text material
# --------------------------------------------------------------------------------------------------

LANGS = ["Python", "JavaScript", "TypeScript", "Rust", "Go", "Swift", "SQL", "Bash", "C", "Kotlin"]
NAMES = ["Alice", "Bob", "Chen Wei", "Priya", "José", "Zoë", "Mateus", "Aiko", "Olamide", "Søren",
         "François", "Dmitri", "Fatima", "Łukasz", "Ngọc Anh", "Björn", "Siobhán", "Kenji"]
CITIES = ["Paris", "Tokyo", "São Paulo", "Zürich", "Reykjavík", "Kraków", "Montréal", "Seoul",
          "Lagos", "Bengaluru", "Mexico City", "Berlin", "Nairobi", "Melbourne", "Hà Nội", "Córdoba"]
THINGS = ["the configuration file", "a CSV export", "the user table", "the training loop",
          "an HTTP request", "the cache layer", "a background job", "the build script",
          "the test suite", "the login form", "a Docker image", "the search index"]
TASKS = ["parse a date string", "remove duplicates from a list", "read a large file line by line",
         "retry a failed HTTP request", "sort a dictionary by value", "validate an email address",
         "merge two sorted arrays", "count word frequencies", "flatten a nested list",
         "debounce a function", "paginate query results", "compute a moving average",
         "convert Celsius to Fahrenheit", "stream a JSON array", "hash a password safely"]
CONCEPTS = ["recursion", "a closure", "eventual consistency", "gradient descent", "a mutex",
            "the CAP theorem", "tail-call optimisation", "a B-tree index", "backpropagation",
            "dependency injection", "copy-on-write", "a bloom filter", "a hash map", "memoisation"]
ML_CONCEPTS = ["backpropagation", "tokenisation", "the attention mechanism", "gradient descent", "overfitting",
               "LoRA fine-tuning", "a learning-rate schedule"]
FIN_CONCEPTS = ["compound interest", "inflation", "an index fund", "dollar-cost averaging", "a bond's yield"]
DISHES = ["ratatouille", "pad thai", "shakshuka", "a sourdough loaf", "crème brûlée",
          "chicken tikka masala", "paella", "miso soup", "banana bread", "pierogi"]

# English sentences by topic; a conversation keeps to one topic.
EN_SENTENCES = {
    "code": [
        "The key idea is that each step only depends on the result of the previous one.",
        "In practice, you rarely need to optimise this until profiling shows it is a bottleneck.",
        "This approach works well for small inputs, but it becomes slow once the data no longer fits in memory.",
        "A common mistake is to mutate the list while iterating over it, which silently skips elements.",
        "If you are on a recent version, the standard library already provides a helper for this.",
        "Keep in mind that the behaviour differs slightly between Linux and macOS.",
        "You can think of it as a contract: the caller promises valid input, and the function promises a result.",
        "Most of the time is spent waiting on I/O, so adding more threads will not help much.",
        "The trade-off is readability versus raw speed, and for most teams readability wins.",
        "Here the loop runs {n} times, so the overall cost is linear in the size of the input.",
        "Note that {thing} is read only once, at start-up, so changes require a restart.",
        "It is worth writing a small test first, so you know exactly when the behaviour changes.",
        "Error handling matters here: a network call can fail for reasons outside your control.",
        "The documentation calls this \"best effort\", which means there is no guarantee of delivery.",
        "When in doubt, measure: intuition about performance is wrong surprisingly often.",
        "{name} suggested a simpler version that avoids the extra allocation entirely.",
        "Roughly {pct}% of the requests hit the cache, so the database only sees the rest.",
        "A good rule of thumb is to keep functions short enough to fit on one screen.",
        "The result is deterministic: the same input always produces the same output.",
        "Unlike the previous version, this one streams the data instead of loading it all at once.",
        "A checksum such as SHA-256 tells you whether two files are byte-for-byte identical.",
        "The path C:\\Users\\{name}\\Documents is only valid on Windows; use pathlib for portable code.",
        "A regular expression like ^\\d{{3}}-\\d{{4}}$ matches strings such as \"555-1234\".",
        "The flag --dry-run prints what would change without touching any file.",
        "Quote the variable as \"$FILE\" so paths with spaces don't break the command.",
        "In {lang}, strings are immutable, so building one in a loop copies it every time.",
    ],
    "ml": [
        "The model is trained to predict the next token, one position at a time.",
        "Larger batches give smoother gradients but need a higher learning rate to converge as fast.",
        "Overfitting shows up as a gap between training loss and validation loss.",
        "Tokenisers split rare words into several pieces, which is why the counts differ.",
        "Attention lets every position look at every other one, at a cost quadratic in the sequence length.",
        "A warm-up of a few hundred steps keeps the early updates from blowing up.",
        "Deduplicating the training data usually helps more than adding another epoch.",
        "Evaluate on a held-out set that was never used for tuning, or the numbers will be optimistic.",
        "With a learning rate of {lr}, the loss should drop noticeably within the first {n} steps.",
        "Mixed precision halves the memory for activations, so the batch can roughly double.",
    ],
    "cooking": [
        "Start by preheating the oven to {temp}°C and lining a tray with baking paper.",
        "Let the dough rest for at least an hour; the gluten needs time to relax.",
        "Season generously, taste, and adjust the salt at the very end.",
        "Toast the spices in a dry pan until they smell fragrant, about a minute.",
        "Use {grams} g of flour and add the water gradually, so the dough doesn't get sticky.",
        "If you don't have buttermilk, mix milk with a spoonful of lemon juice and wait ten minutes.",
        "Don't crowd the pan: the vegetables should brown, not steam.",
        "It keeps for three days in the fridge, and the flavour is even better on day two.",
    ],
    "travel": [
        "The museum is closed on Mondays, so plan the visit for later in the week.",
        "Public transport in {city} is excellent, and a day pass usually pays for itself.",
        "Book the popular restaurants a few days ahead, especially for Friday evenings.",
        "The old town is best explored on foot; most sights are within twenty minutes of each other.",
        "Mornings are quieter at the main sights, so start early and keep the afternoon for cafés.",
        "Carry some cash: smaller shops and markets often don't take cards.",
        "If you have a spare day, the train to the coast takes about {hours} hours and is very scenic.",
        "Locals eat dinner late, so many kitchens only get busy after 9 pm.",
    ],
    "finance": [
        "Interest compounds, which means small differences in the rate add up over decades.",
        "Diversification lowers risk, but it cannot remove it entirely.",
        "An emergency fund of three to six months of expenses is a common starting point.",
        "Fees matter: a {pct_small}% difference per year becomes a large sum over thirty years.",
        "Inflation erodes cash savings, which is why long-term money is usually invested.",
        "Before paying off a loan early, check whether there is a prepayment penalty.",
    ],
    "science": [
        "Plants convert light into chemical energy, storing it as glucose.",
        "The treaty was signed in {year}, ending almost a decade of conflict.",
        "Regular sleep matters more than most people expect for concentration and mood.",
        "Stretch gently before running, and increase your distance by no more than 10% a week.",
        "Light from the Sun takes a little over eight minutes to reach the Earth.",
        "Water expands when it freezes, which is why ice floats and pipes burst in winter.",
        "Vaccines train the immune system to recognise a pathogen without causing the disease.",
        "Correlation alone doesn't show causation; a controlled experiment is needed for that.",
    ],
}

EN_OPENERS = [
    "Sure! Here's how you can do that.", "Great question.", "Short answer: yes, but with a caveat.",
    "Happy to help with that.", "Let's walk through it step by step.", "There are a few ways to approach this.",
    "Good catch — that behaviour surprises a lot of people.", "Absolutely.", "Here's a concise explanation.",
]
EN_CLOSERS = [
    "Let me know if you'd like me to adapt this to your setup.", "Hope that helps!",
    "If anything is unclear, just ask and I'll go into more detail.",
    "Want me to add tests for this as well?", "Feel free to share the full error message if it still fails.",
    "I can also show an alternative that uses only the standard library.",
]
EN_QUESTIONS = [  # (topic, template)
    ("code", "How do I {task} in {lang}?"),
    ("code", "Write a {lang} function that can {task}."),
    ("code", "My code to {task} is really slow. Any ideas why?"),
    ("code", "I get this error when I run it: `TypeError: unsupported operand type(s) for +: 'int' and 'str'`. What does it mean?"),
    ("code", "Is it a good idea to store {thing} in git?"),
    ("code", "Can you review this snippet and tell me what's wrong?\n\n```{lang_lower}\n{code}```"),
    ("code", "Why does my script print \"None\" instead of the value?"),
    ("code", "What's a good way to {task} without external libraries?"),
    ("code", "Can you explain {concept} in simple terms?"),
    ("code", "What's the difference between {concept} and {concept2}?"),
    ("ml", "Explain {ml_concept} like I'm five."),
    ("ml", "My validation loss goes up after epoch {n_small} while the training loss keeps falling. What's happening?"),
    ("ml", "How much data do I need to fine-tune a 7B model on customer-support chats?"),
    ("cooking", "Give me a recipe for {dish}, please."),
    ("cooking", "My {dish} always comes out too dry. What am I doing wrong?"),
    ("travel", "I'm visiting {city} for three days. What should I not miss?"),
    ("travel", "What's the best way to get from the airport to the centre of {city}?"),
    ("finance", "Should I pay off my student loan early or invest the money?"),
    ("finance", "Can you explain {fin_concept} with a simple example?"),
    ("science", "Summarize this paragraph in two sentences: \"{paragraph}\""),
    ("science", "Why is the sky blue?"),
    ("science", "Translate into French: \"{short}\""),
]
EN_FOLLOWUPS = {
    "code": ["Thanks! Could you make it handle empty input too?", "What about performance for a million items?",
             "Can you show the same thing in {lang}?", "Why did you use that approach instead of a loop?",
             "That worked, thank you! One more question: how do I test it?", "Could you make it shorter?",
             "And how would this work with {thing}?"],
    "general": ["Perfect. Can you explain the second step again?", "Thanks! Can you give me a shorter version?",
                "Interesting — can you give another example?", "What would you do differently on a tight budget?",
                "Great, thank you! 🙏", "Could you put that in a table?"],
}
SYSTEM_PROMPTS = {  # "any" prompts suit every topic
    "any": ["You are a helpful assistant.", "You are an assistant that answers in the same language as the user.",
            "Always answer in Markdown. Keep answers under 300 words unless asked otherwise.",
            "You are a patient tutor. Explain concepts step by step and check the student's understanding."],
    "code": ["You are a senior software engineer. Answer concisely and include runnable code when useful.",
             "You are a careful code reviewer. Point out bugs first, then style issues."],
    "ml": ["You are a machine-learning researcher who explains things with concrete numbers."],
    "cooking": ["You are a friendly cooking assistant. Use metric units."],
    "travel": ["You are a travel guide who gives practical, up-to-date advice."],
    "finance": ["You are a cautious personal-finance assistant. You do not give individual investment advice."],
    "science": ["You are a science communicator. Be accurate and avoid jargon."],
}

ZH_SENTENCES = [
    "这个方法的核心思想是把大问题拆成若干个小问题。", "首先，我们需要确认输入数据的格式是否正确。",
    "在实际项目中，性能瓶颈往往出现在数据库查询上。", "建议先写一个简单的测试，再逐步优化代码。",
    "请注意，这个函数在输入为空时会返回空列表。", "如果文件很大，最好逐行读取，而不是一次性加载到内存。",
    "深度学习模型通常需要大量的标注数据。", "北京的秋天天气晴朗，非常适合旅游。",
    "做红烧肉的时候，火候是最关键的。", "这段代码的时间复杂度是O(n log n)。",
    "你可以使用字典来统计每个单词出现的次数。", "遇到问题时，先查看错误信息，通常能找到线索。",
]
ZH_QUESTIONS = [("code", "如何用{lang}读取一个很大的文件？"), ("code", "请解释一下什么是{concept_zh}。"),
                ("code", "这段代码为什么会报错？"), ("travel", "能推荐几个{city_zh}的景点吗？"),
                ("ml", "怎样提高模型的训练速度？"), ("code", "帮我写一个排序函数。")]
ZH_CONCEPTS = ["递归", "闭包", "梯度下降", "注意力机制", "数据库索引", "过拟合"]
ZH_CITIES = ["北京", "上海", "杭州", "成都", "西安"]
JA_SENTENCES = [
    "まず、入力データの形式を確認しましょう。", "この関数は空のリストを渡すとエラーになります。",
    "大きなファイルは一行ずつ読み込むのがおすすめです。", "東京の地下鉄はとても便利で、時間も正確です。",
    "テストを先に書くと、リファクタリングが安全になります。", "モデルの学習には大量のデータが必要です。",
    "ご質問ありがとうございます。順番に説明します。", "詳しくは公式ドキュメントを参照してください。",
]
JA_QUESTIONS = [("code", "{lang}で大きなファイルを読むにはどうすればいいですか？"),
                ("code", "{concept}について簡単に説明してください。"), ("travel", "京都でおすすめの観光地はどこですか？"),
                ("code", "このエラーの原因は何ですか？")]
KO_SENTENCES = [
    "먼저 입력 데이터의 형식을 확인해 보세요.", "이 함수는 빈 리스트를 받으면 빈 결과를 반환합니다.",
    "서울의 지하철은 매우 편리합니다.", "모델을 학습시키려면 많은 데이터가 필요합니다.",
    "테스트를 먼저 작성하면 리팩터링이 안전해집니다.",
]
KO_QUESTIONS = [("code", "{lang}에서 큰 파일을 읽는 방법은?"), ("code", "{concept}에 대해 쉽게 설명해 주세요."),
                ("code", "이 오류는 왜 발생하나요?"), ("travel", "서울에서 꼭 가봐야 할 곳은 어디인가요?")]
FR_SENTENCES = [
    "Voici une méthode simple et efficace pour y parvenir.", "Il faut d'abord vérifier que le fichier existe.",
    "Préchauffez le four à 180 °C et beurrez le moule.", "La requête échoue si la connexion réseau est coupée.",
    "C'est une question très intéressante, à laquelle on répond souvent trop vite.",
    "Le château se visite tous les jours sauf le lundi, de préférence tôt le matin.",
    "N'hésitez pas à préciser votre environnement : système, version, dépendances.",
]
ES_SENTENCES = [
    "Primero, asegúrate de que el archivo esté codificado en UTF-8.", "La función devuelve una lista vacía si no hay datos.",
    "¿Quieres que añada pruebas unitarias también?", "El año pasado la inflación subió más de lo esperado.",
    "Para la paella, el arroz no se remueve una vez añadido el caldo.", "En Córdoba, la Mezquita es una visita obligada.",
]
DE_SENTENCES = [
    "Zunächst sollten wir prüfen, ob die Datei überhaupt existiert.", "Die Funktion gibt bei leerer Eingabe eine leere Liste zurück.",
    "Größere Dateien liest man am besten zeilenweise ein.", "Über die Brücke läuft man in fünf Minuten zur Altstadt.",
    "Schöne Grüße und viel Erfolg beim Üben!", "Die Straßenbahn fährt alle zehn Minuten.",
]
PT_VI_SENTENCES = [
    "Você pode usar um dicionário para contar as ocorrências.", "A solução é simples, mas não é óbvia à primeira vista.",
    "Hà Nội có nhiều món ăn đường phố ngon và rẻ.", "Bạn nên kiểm tra định dạng dữ liệu trước khi xử lý.",
]
EU_QUESTIONS = {
    "fr": [("code", "Comment lire un fichier ligne par ligne en {lang} ?"),
           ("code", "Pourriez-vous m'expliquer « {concept} » avec un exemple ?"),
           ("cooking", "Quelle est la recette de la crème brûlée ?")],
    "es": [("code", "¿Cómo puedo {task_es}?"), ("travel", "¿Qué puedo visitar en {city} en un fin de semana?")],
    "de": [("code", "Wie funktioniert {concept} genau?"), ("travel", "Was sollte man in {city} unbedingt sehen?")],
    "pt": [("code", "Qual é a diferença entre {concept} e {concept2}?"), ("travel", "O que fazer em Hà Nội em dois dias?")],
}
TASKS_ES = ["ordenar un diccionario por valor", "leer un archivo CSV", "eliminar duplicados de una lista"]
FOREIGN_SENTENCES = {"zh": ZH_SENTENCES, "ja": JA_SENTENCES, "ko": KO_SENTENCES, "fr": FR_SENTENCES,
                     "es": ES_SENTENCES, "de": DE_SENTENCES, "pt": PT_VI_SENTENCES}
EMOJI = ["😀", "🚀", "✅", "🔥", "🤔", "🎉", "👍🏽", "🙏", "💡", "📌", "⚠️", "❤️", "🇫🇷", "🇯🇵", "👩‍💻",
         "🧑🏿‍🍳", "😅", "🍜", "🌍", "✨", "📈", "🐍", "🦀"]

# Code snippets. {fn}, {arg}, {key}, {n} are filled in. Braces that belong to the code are doubled.
CODE_SNIPPETS = {
    "python": [
        'def {fn}({arg}):\n    """Return the non-empty \'{key}\' values of {arg}, one per line."""\n'
        '    result = []\n    for item in {arg}:\n        value = item.get("{key}")\n'
        '        if value is not None and value.strip():\n            result.append(value.strip())\n'
        '    return "\\n".join(result)\n',
        'import json\nfrom pathlib import Path\n\n\ndef {fn}(path: Path) -> int:\n    count = 0\n'
        '    with path.open(encoding="utf-8") as f:\n        for line in f:\n            record = json.loads(line)\n'
        '            if record.get("{key}"):\n                count += 1\n    print(f"{{count}} records have \'{key}\'")\n'
        '    return count\n',
        'import re\n\nPATTERN = re.compile(r"^(\\d{{4}})-(\\d{{2}})-(\\d{{2}})$")\n\n'
        'def {fn}(text):\n    match = PATTERN.match(text)\n    if not match:\n'
        '        raise ValueError(f"not a date: {{text!r}}")\n    return tuple(int(g) for g in match.groups())\n',
    ],
    "javascript": [
        'function {fn}({arg}, wait = {n}) {{\n  let timer;\n  return (...args) => {{\n    clearTimeout(timer);\n'
        '    timer = setTimeout(() => {arg}.apply(this, args), wait);\n  }};\n}}\n\n'
        'console.log(`debounced "${{{arg}.name}}" by ${{wait}} ms`);\n',
        'async function {fn}(url, retries = 3) {{\n  for (let i = 0; i < retries; i++) {{\n    try {{\n'
        '      const res = await fetch(url, {{ headers: {{ "Accept": "application/json" }} }});\n'
        '      if (!res.ok) throw new Error(`HTTP ${{res.status}}`);\n      return await res.json();\n'
        '    }} catch (err) {{\n      console.warn("attempt", i + 1, "failed:", err.message);\n    }}\n  }}\n'
        '  throw new Error("giving up");\n}}\n',
    ],
    "rust": [
        'use std::collections::HashMap;\n\nfn {fn}(text: &str) -> HashMap<&str, usize> {{\n'
        '    let mut counts = HashMap::new();\n    for word in text.split_whitespace() {{\n'
        '        *counts.entry(word).or_insert(0) += 1;\n    }}\n    counts\n}}\n\n'
        'fn main() {{\n    let c = {fn}("a b a");\n    println!("{{:?}}", c);\n}}\n',
    ],
    "go": [
        'func {fn}(path string) ([]string, error) {{\n\tf, err := os.Open(path)\n\tif err != nil {{\n'
        '\t\treturn nil, fmt.Errorf("open %q: %w", path, err)\n\t}}\n\tdefer f.Close()\n\tvar lines []string\n'
        '\tsc := bufio.NewScanner(f)\n\tfor sc.Scan() {{\n\t\tlines = append(lines, sc.Text())\n\t}}\n'
        '\treturn lines, sc.Err()\n}}\n',
    ],
    "sql": [
        'SELECT u.id, u.email, COUNT(o.id) AS orders\nFROM users AS u\nLEFT JOIN orders AS o ON o.user_id = u.id\n'
        "WHERE u.created_at >= '2024-01-01'\n  AND u.email LIKE '%@example.com'\nGROUP BY u.id, u.email\n"
        'HAVING COUNT(o.id) > {n}\nORDER BY orders DESC\nLIMIT 20;\n',
    ],
    "bash": [
        '#!/usr/bin/env bash\nset -euo pipefail\n\nfor f in "$@"; do\n  if [[ ! -f "$f" ]]; then\n'
        '    echo "skipping \\"$f\\": not a file" >&2\n    continue\n  fi\n'
        '  printf \'%s\\t%s\\n\' "$(wc -l < "$f")" "$f"\ndone | sort -n\n',
    ],
    "swift": [
        'func {fn}(_ {arg}: [String]) -> [String: Int] {{\n    var counts: [String: Int] = [:]\n'
        '    for word in {arg} where !word.isEmpty {{\n        counts[word, default: 0] += 1\n    }}\n'
        '    return counts\n}}\n\nprint({fn}(["a", "b", "a"]))  // ["a": 2, "b": 1]\n',
    ],
    "c": [
        '#include <stdio.h>\n#include <string.h>\n\nint {fn}(const char *s) {{\n    int n = 0;\n'
        '    for (const char *p = s; *p; p++) {{\n        if (*p == \'\\n\') n++;\n    }}\n    return n;\n}}\n\n'
        'int main(void) {{\n    printf("%d\\n", {fn}("a\\nb\\n"));\n    return 0;\n}}\n',
    ],
}
FN_NAMES = ["process_items", "load_records", "count_words", "parse_date", "fetch_with_retry", "debounce",
            "read_lines", "summarize", "normalize", "merge_sorted", "dedupe", "collect_values"]
ARG_NAMES = ["items", "records", "rows", "values", "entries", "data", "words"]
KEYS = ["name", "email", "title", "text", "label", "id", "content"]

# Tools: (name, description, parameters, argument maker, result maker, answer maker)
TOOL_IDS_ALPHABET = string.ascii_letters + string.digits

# Chat-template tokens that leak into content (all in datalint's built-in list).
LEAKED_TOKENS = ["<|im_start|>", "<|im_end|>", "[INST]", "[/INST]", "<|eot_id|>", "<|endoftext|>",
                 "<start_of_turn>", "<|assistant|>", "<</SYS>>"]

# Planted error kinds, with the datalint diagnostic code each is expected to produce.
ERROR_KINDS = {
    "invalid-json-truncated": "format/invalid-json",
    "invalid-json-trailing-comma": "format/invalid-json",
    "invalid-json-concatenated": "format/invalid-json",
    "misspelt-role": "format/unknown-role",
    "missing-content": "format/missing-content",
    "empty-content": "format/empty-content",
    "consecutive-roles": "format/consecutive-roles",
    "system-not-first": "format/system-not-first",
    "last-not-assistant": "format/last-not-assistant",
    "template-token": "format/template-token",
    "unknown-tool-call-id": "format/orphan-tool-message",
    "tool-arguments-not-json": "format/tool-arguments",
    "empty-line": "format/empty-line",
}


# --------------------------------------------------------------------------------------------------
# Record construction
# --------------------------------------------------------------------------------------------------

class _Slots(dict):
    """Template slot values, drawn from the RNG on first use."""

    def __init__(self, rng: random.Random):
        super().__init__()
        self.rng = rng

    def __missing__(self, key: str) -> str:
        r = self.rng
        if key == "concept2":
            first = self["concept"]
            value = r.choice([c for c in CONCEPTS[:6] if c != first])
        elif key in SLOT_NUMBERS:
            value = SLOT_NUMBERS[key](r)
        elif key in SLOT_POOLS:
            value = r.choice(SLOT_POOLS[key])
        else:   # placeholders that the caller replaces afterwards
            value = key.upper()
        self[key] = value
        return value


SLOT_POOLS = {"thing": THINGS, "name": NAMES, "city": CITIES, "lang": LANGS, "task": TASKS, "concept": CONCEPTS,
              "ml_concept": ML_CONCEPTS, "fin_concept": FIN_CONCEPTS, "dish": DISHES, "concept_zh": ZH_CONCEPTS,
              "city_zh": ZH_CITIES, "task_es": TASKS_ES}
SLOT_NUMBERS = {
    "n": lambda r: str(r.randint(2, 500)), "n_small": lambda r: str(r.randint(2, 9)),
    "year": lambda r: str(r.randint(1648, 1995)), "pct": lambda r: str(r.randint(5, 98)),
    "pct_small": lambda r: f"{r.choice([0.2, 0.5, 0.75, 1, 1.5])}", "temp": lambda r: str(r.choice([160, 180, 200, 220])),
    "grams": lambda r: str(r.choice([250, 300, 500])), "hours": lambda r: str(r.randint(1, 4)),
    "lr": lambda r: r.choice(["1e-4", "2e-5", "3e-4", "5e-6"]),
}


class TextMaker:
    """Makes prose, questions, answers and code from the pools above with one seeded RNG."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def fill(self, template: str) -> str:
        """Fills the {slots} of a template; each slot's value is drawn only when the template uses it."""
        if "{" not in template:
            return template
        return template.format_map(_Slots(self.rng))

    def sentences(self, pool: list[str], count: int, joiner: str = " ") -> str:
        return joiner.join(self.fill(s) for s in self.rng.sample(pool, min(count, len(pool))))

    def paragraph(self, language: str, topic: str) -> str:
        r = self.rng
        if language == "en":
            return self.sentences(EN_SENTENCES[topic], r.randint(2, 6))
        joiner = "" if language in ("zh", "ja") else " "
        return self.sentences(FOREIGN_SENTENCES[language], r.randint(2, 5), joiner)

    def code_block(self) -> tuple[str, str]:
        r = self.rng
        lang = r.choice(list(CODE_SNIPPETS))
        code = r.choice(CODE_SNIPPETS[lang]).format(fn=r.choice(FN_NAMES), arg=r.choice(ARG_NAMES),
                                                     key=r.choice(KEYS), n=r.randint(2, 500))
        return lang, code

    def emoji(self, text: str) -> str:
        r = self.rng
        if r.random() < 0.15:
            return text + " " + "".join(r.choice(EMOJI) for _ in range(r.randint(1, 3)))
        return text

    def question(self, language: str, topic: str | None = None) -> tuple[str, str]:
        """A user question and its topic (in a language other than English, on `topic` where possible)."""
        r = self.rng
        if language != "en":
            pool = {"zh": ZH_QUESTIONS, "ja": JA_QUESTIONS, "ko": KO_QUESTIONS}.get(language) or EU_QUESTIONS[language]
            pool = [q for q in pool if q[0] == topic] or pool
            topic, template = r.choice(pool)
            return self.emoji(self.fill(template)), topic
        topic, template = r.choice(EN_QUESTIONS)
        text = self.fill(template)
        if "PARAGRAPH" in text:
            text = text.replace("PARAGRAPH", self.paragraph("en", r.choice(list(EN_SENTENCES))))
        if "SHORT" in text:
            text = text.replace("SHORT", self.fill(r.choice(EN_SENTENCES["travel"])))
        if "CODE" in text:
            lang, code = self.code_block()
            text = text.replace("LANG_LOWER", lang).replace("CODE", code)
        if r.random() < 0.25:
            text = self.paragraph("en", topic) + "\n\n" + text   # some context before the question
        return self.emoji(text), topic

    def followup(self, topic: str) -> str:
        return self.fill(self.rng.choice(EN_FOLLOWUPS["code" if topic == "code" else "general"]))

    def answer(self, language: str, topic: str, size: float) -> str:
        """An assistant answer; `size` scales how many paragraphs (and, for code, code blocks) it has."""
        r = self.rng
        parts = []
        if language == "en":
            parts.append(r.choice(EN_OPENERS))
        pool = EN_SENTENCES[topic] if language == "en" else FOREIGN_SENTENCES[language]
        paragraphs = max(1, int(r.expovariate(1.0) * size * PARAGRAPH_SCALE + 0.5))
        for _ in range(paragraphs):
            parts.append(self.paragraph(language, topic))
            roll = r.random()
            if topic == "code" and roll < 0.40 * size:
                lang, code = self.code_block()
                parts.append(f"```{lang}\n{code}```")
            elif roll < 0.15 or topic != "code" and roll < 0.35:
                items = [self.fill(r.choice(pool)) for _ in range(r.randint(2, 5))]
                numbered = r.random() < 0.5
                parts.append("\n".join((f"{k + 1}. " if numbered else "- ") + item for k, item in enumerate(items)))
            elif roll < 0.55 and language == "en":
                parts.append(f"## {r.choice(['Steps', 'Why it works', 'Caveats', 'Example', 'Summary'])}")
        if language == "en" and r.random() < 0.7:
            parts.append(r.choice(EN_CLOSERS))
        return self.emoji("\n\n".join(parts))


def tool_call_id(rng: random.Random) -> str:
    return "call_" + "".join(rng.choice(TOOL_IDS_ALPHABET) for _ in range(24))


def make_tool_exchange(rng: random.Random, text: TextMaker):
    """One user request answered through tool calls.

    Returns (user message, tools spec, [assistant tool-call message, tool replies..., final answer], topic).
    """
    name, description, params, request, calls_args, make_result, summarize, topic = _tool_scenario(rng, text)
    tools = [{"type": "function", "function": {"name": name, "description": description,
                                                "parameters": {"type": "object", "properties": params,
                                                               "required": list(params)[:1]}}}]
    calls, replies, results = [], [], []
    for args in calls_args:
        cid = tool_call_id(rng)
        calls.append({"id": cid, "type": "function",
                      "function": {"name": name, "arguments": json.dumps(args, ensure_ascii=False)}})
        result = make_result(args)
        results.append(result)
        reply = {"role": "tool", "tool_call_id": cid, "content": json.dumps(result, ensure_ascii=False)}
        if rng.random() < 0.4:
            reply["name"] = name
        replies.append(reply)
    roll = rng.random()           # exporters differ on what a tool-calling message's content is
    if roll < 0.5:
        assistant_call = {"role": "assistant", "content": None, "tool_calls": calls}
    elif roll < 0.65:
        assistant_call = {"role": "assistant", "content": "Let me look that up for you.", "tool_calls": calls}
    else:
        assistant_call = {"role": "assistant", "tool_calls": calls}
    answer = summarize(results)
    if rng.random() < 0.5:
        answer += "\n\n" + text.paragraph("en", topic)
    final = {"role": "assistant", "content": text.emoji(answer)}
    return {"role": "user", "content": request}, tools, [assistant_call, *replies, final], topic


def _tool_scenario(rng: random.Random, text: TextMaker):
    """(name, description, parameters, request, arguments of each call, result maker, answer maker, topic)."""
    kind = rng.randrange(5)
    if kind == 0:
        cities = rng.sample(CITIES, 2 if rng.random() < 0.3 else 1)
        unit = rng.choice(["celsius", "fahrenheit"])
        request = (f"What's the weather like in {cities[0]} tomorrow? Should I bring an umbrella?" if len(cities) == 1
                   else f"I'm choosing between {cities[0]} and {cities[1]} for the weekend. Which will have better weather?")

        def weather(args):
            high = rng.randint(-5, 35)
            low = high - rng.randint(3, 12)
            if unit == "fahrenheit":
                high, low = round(high * 9 / 5 + 32), round(low * 9 / 5 + 32)
            return {"city": args["city"], "forecast": rng.choice(["light rain", "sunny", "overcast", "snow showers"]),
                    "high": high, "low": low, "precipitation_mm": round(rng.random() * 12, 1)}

        def summary(results):
            lines = [f"- **{r['city']}**: {r['forecast']}, {r['low']}–{r['high']}°{'C' if unit == 'celsius' else 'F'}, "
                     f"{r['precipitation_mm']} mm of precipitation" for r in results]
            wet = any(r["precipitation_mm"] > 2 for r in results)
            return ("Here's tomorrow's forecast:\n\n" + "\n".join(lines) + "\n\n"
                    + ("Yes, pack an umbrella ☔ — some rain is likely." if wet else "You can probably leave the umbrella at home."))
        return ("get_weather", "Get the weather forecast for a city.",
                {"city": {"type": "string"}, "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}},
                request, [{"city": c, "unit": unit} for c in cities], weather, summary, "travel")
    if kind == 1:
        subject = rng.choice(CONCEPTS + ML_CONCEPTS)

        def search(args):
            return {"results": [{"title": f"{subject.capitalize()} — a practical guide, part {k + 1}",
                                 "url": f"https://example.com/articles/{rng.randint(1000, 99999)}",
                                 "snippet": text.fill(rng.choice(EN_SENTENCES["code"]))} for k in range(3)]}

        def summary(results):
            items = [f"{k + 1}. [{r['title']}]({r['url']}): {r['snippet']}" for k, r in enumerate(results[0]["results"])]
            return f"I found these articles about {subject}:\n\n" + "\n".join(items)
        return ("search_web", "Search the web and return the top results.",
                {"query": {"type": "string"}, "num_results": {"type": "integer"}},
                f"Find me recent articles about {subject}.", [{"query": subject + " explained", "num_results": 3}],
                search, summary, "code")
    if kind == 2:
        amount = rng.choice([250, 99.5, 1200, 40])
        targets = rng.sample(["JPY", "USD", "GBP", "CHF"], 2 if rng.random() < 0.3 else 1)
        rates = {"JPY": 162.4, "USD": 1.08, "GBP": 0.85, "CHF": 0.96}

        def convert(args):
            rate = round(rates[args["to"]] * (0.98 + rng.random() * 0.04), 4)
            return {"amount": args["amount"], "from": "EUR", "to": args["to"], "rate": rate,
                    "converted": round(args["amount"] * rate, 2)}

        def summary(results):
            return " and ".join(f"€{r['amount']} is about {r['converted']:,} {r['to']} (rate {r['rate']})"
                                for r in results) + ". Rates move during the day, so treat this as an estimate."
        return ("convert_currency", "Convert an amount between currencies.",
                {"amount": {"type": "number"}, "from": {"type": "string"}, "to": {"type": "string"}},
                f"How much is {amount} euros in {' and '.join(targets)} right now? 💶",
                [{"amount": amount, "from": "EUR", "to": t} for t in targets], convert, summary, "finance")
    if kind == 3:
        order = str(rng.randint(100000, 999999))

        def lookup(args):
            return {"order_id": args["order_id"], "status": rng.choice(["shipped", "delayed", "processing"]),
                    "carrier": "DHL", "eta": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    "note": rng.choice(["Paket wird zugestellt — Empfänger nicht angetroffen", "",
                                        "Address label reprinted \"by hand\""])}

        def summary(results):
            r = results[0]
            return (f"Your order #{r['order_id']} is **{r['status']}** with {r['carrier']}; the expected delivery date is "
                    f"{r['eta']}." + (f" The carrier noted: \"{r['note']}\"." if r["note"] else "")
                    + " I'm sorry for the wait!")
        return ("lookup_order", "Look up an order in the shop database.", {"order_id": {"type": "string"}},
                f"Hi, my order #{order} still hasn't arrived. Can you check?", [{"order_id": order}], lookup, summary,
                "finance")
    days = rng.choice([7, 14, 30])

    def query(args):
        return {"columns": ["country", "n"],
                "rows": [[c, rng.randint(10, 5000)] for c in ["US", "DE", "JP", "BR", "IN"]]}

    def summary(results):
        rows = sorted(results[0]["rows"], key=lambda row: -row[1])
        table = "\n".join(f"| {c} | {n:,} |" for c, n in rows)
        return (f"Sign-ups in the last {days} days:\n\n| country | sign-ups |\n|---|---:|\n{table}\n\n"
                f"{rows[0][0]} leads with {rows[0][1]:,}.")
    return ("run_sql", "Run a read-only SQL query against the analytics warehouse.", {"query": {"type": "string"}},
            f"How many users signed up in the last {days} days, broken down by country?",
            [{"query": f"SELECT country, COUNT(*) AS n FROM users\nWHERE created_at >= now() - interval '{days} days'\n"
                       "GROUP BY country ORDER BY n DESC;"}], query, summary, "code")


def make_record(rng: random.Random, text: TextMaker) -> dict:
    """One clean chat record."""
    roll = rng.random()
    language = ("en" if roll < 0.75 else rng.choice(["zh", "ja", "ko"]) if roll < 0.86
                else rng.choice(["fr", "es", "de", "pt"]))
    size = rng.choice([0.4, 0.7, 1.0, 1.0, 1.4, 2.2])
    messages = []
    record: dict = {}
    turns = rng.choices([1, 2, 3, 4], weights=[45, 30, 15, 10])[0]
    with_tools = language == "en" and rng.random() < 0.15
    topic = "code"
    for turn in range(turns):
        if with_tools and turn == 0:
            user, tools, replies, topic = make_tool_exchange(rng, text)
            if rng.random() < 0.5:
                record["tools"] = tools
            messages.append(user)
            messages.extend(replies)
            continue
        if turn == 0:
            question, topic = text.question(language)
        elif language == "en":
            question = text.followup(topic)
        else:
            question, _ = text.question(language, topic)
        user: dict = {"role": "user", "content": question}
        if rng.random() < 0.1:
            user["content"] = [{"type": "text", "text": question}]
            if rng.random() < 0.3:
                user["content"].append({"type": "image_url",
                                        "image_url": {"url": f"https://example.com/img/{rng.randint(1, 10 ** 6)}.png"}})
        messages.append(user)
        messages.append({"role": "assistant", "content": text.answer(language, topic, size)})
    if rng.random() < 0.7:
        prompts = SYSTEM_PROMPTS["any"] + SYSTEM_PROMPTS[topic]
        messages.insert(0, {"role": "system", "content": rng.choice(prompts)})
    if turns > 1 and rng.random() < 0.05:
        for message in messages:
            if message["role"] == "assistant" and "tool_calls" not in message:
                message["weight"] = 0
        messages[-1]["weight"] = 1
    # "messages" first or after "tools", as different exporters do.
    return {"messages": messages, **record} if rng.random() < 0.7 else {**record, "messages": messages}


def encode(rng: random.Random, record: dict) -> str:
    ascii_only = rng.random() < 0.33
    compact = rng.random() < 0.5
    return json.dumps(record, ensure_ascii=ascii_only, separators=(",", ":") if compact else (", ", ": "))


# --------------------------------------------------------------------------------------------------
# Planted errors. Each takes a clean record and returns the line(s) to write (without newlines).
# --------------------------------------------------------------------------------------------------

class Planter:
    def __init__(self, rng: random.Random, text: TextMaker):
        self.rng = rng
        self.text = text

    def plant(self, kind: str, record: dict) -> list[str]:
        return getattr(self, kind.replace("-", "_"))(record)

    # Helpers

    def ensure_two_exchanges(self, messages: list[dict]) -> None:
        """At least two plain (not tool-calling) assistant answers, so the first one is never the last message."""
        while sum(m["role"] == "assistant" and "tool_calls" not in m for m in messages) < 2:
            messages.append({"role": "user", "content": self.text.followup("general")})
            messages.append({"role": "assistant", "content": self.text.answer("en", "science", 0.5)})

    def ensure_tools(self, record: dict) -> dict:
        if any(m["role"] == "tool" for m in record["messages"]):
            return record
        user, _tools, replies, _topic = make_tool_exchange(self.rng, self.text)
        messages = [m for m in record["messages"] if m["role"] == "system"][:1] + [user, *replies]
        return {"messages": messages}

    # Syntax errors

    def invalid_json_truncated(self, record: dict) -> list[str]:
        line = encode(self.rng, record)
        # Cut at a character (not byte) boundary, as an interrupted writer would: the line stays valid UTF-8.
        cut = self.rng.randint(len(line) // 4, len(line) - 2)
        return [line[:cut]]

    def invalid_json_trailing_comma(self, record: dict) -> list[str]:
        line = encode(self.rng, record)
        if self.rng.random() < 0.5:
            return [line[:-1] + ",}"]                        # {"messages": [...],}
        at = line.rindex("}]")                               # ..., {"role": ...},]
        return [line[:at + 1] + "," + line[at + 1:]]

    def invalid_json_concatenated(self, record: dict) -> list[str]:
        other = make_record(self.rng, self.text)
        return [encode(self.rng, record) + encode(self.rng, other)]

    # Structural errors

    def misspelt_role(self, record: dict) -> list[str]:
        messages = record["messages"]
        if self.rng.random() < 0.75:
            self.ensure_two_exchanges(messages)
            # The first plain answer: never the last message, and not a tool call (which may omit content).
            target = next(m for m in messages if m["role"] == "assistant" and "tool_calls" not in m)
            target["role"] = self.rng.choice(["assitant", "assitant", "asistant", "assistnat", "Assistant"])
        else:
            target = next(m for m in messages if m["role"] == "user")
            target["role"] = self.rng.choice(["usr", "User", "human"])
        return [encode(self.rng, record)]

    def missing_content(self, record: dict) -> list[str]:
        users = [m for m in record["messages"] if m["role"] == "user"]
        target = self.rng.choice(users)
        del target["content"]
        return [encode(self.rng, record)]

    def empty_content(self, record: dict) -> list[str]:
        candidates = [m for m in record["messages"] if m["role"] in ("user", "assistant") and "tool_calls" not in m]
        target = self.rng.choice(candidates)
        target["content"] = self.rng.choice(["", "", " ", "\n", "  \n  "])
        return [encode(self.rng, record)]

    def consecutive_roles(self, record: dict) -> list[str]:
        messages = record["messages"]
        if self.rng.random() < 0.5:
            at = next(i for i, m in enumerate(messages) if m["role"] == "user")
            messages.insert(at + 1, {"role": "user", "content": self.rng.choice(
                ["Also, please keep it short.", "Hello?", "Sorry, I meant in Python 3.", "Any update?"])})
        else:
            messages.append({"role": "assistant", "content": self.rng.choice(EN_CLOSERS)})
        return [encode(self.rng, record)]

    def system_not_first(self, record: dict) -> list[str]:
        messages = record["messages"]
        self.ensure_two_exchanges(messages)
        if messages[0]["role"] == "system":
            system = messages.pop(0)
        else:
            system = {"role": "system", "content": self.rng.choice(SYSTEM_PROMPTS["any"])}
        # After the first assistant message, just before the next user message.
        at = next(i for i, m in enumerate(messages) if m["role"] == "assistant" and "tool_calls" not in m)
        messages.insert(at + 1, system)
        return [encode(self.rng, record)]

    def last_not_assistant(self, record: dict) -> list[str]:
        messages = record["messages"]
        tool_at = [i for i, m in enumerate(messages) if m["role"] == "tool"]
        if tool_at and self.rng.random() < 0.5:
            del messages[tool_at[-1] + 1:]                  # cut after the tool reply
        else:
            messages.append({"role": "user", "content": self.text.followup("general")})
        return [encode(self.rng, record)]

    def template_token(self, record: dict) -> list[str]:
        messages = record["messages"]
        token = self.rng.choice(LEAKED_TOKENS)
        candidates = [m for m in messages if isinstance(m.get("content"), str) and m["content"].strip()
                      and m["role"] in ("user", "assistant")]
        target = self.rng.choice(candidates)
        if self.rng.random() < 0.5:
            target["content"] = target["content"] + token
        else:
            target["content"] = f"{token}{target['role']}\n" + target["content"]
        return [encode(self.rng, record)]

    def unknown_tool_call_id(self, record: dict) -> list[str]:
        record = self.ensure_tools(record)
        reply = next(m for m in record["messages"] if m["role"] == "tool")
        reply["tool_call_id"] = self.rng.choice([tool_call_id(self.rng), "call_1", "call_0"])
        return [encode(self.rng, record)]

    def tool_arguments_not_json(self, record: dict) -> list[str]:
        record = self.ensure_tools(record)
        call = next(m for m in record["messages"] if "tool_calls" in m)["tool_calls"][0]
        arguments = json.loads(call["function"]["arguments"])
        roll = self.rng.random()
        if roll < 0.4:
            call["function"]["arguments"] = repr(arguments)  # Python dict repr: single quotes
        elif roll < 0.7:
            text = call["function"]["arguments"]
            call["function"]["arguments"] = text[:max(1, len(text) // 2)]
        else:
            call["function"]["arguments"] = arguments        # an object, not a JSON-encoded string
        return [encode(self.rng, record)]

    def empty_line(self, record: dict) -> list[str]:
        return [self.rng.choice(["", "", " "]), encode(self.rng, record)]


# --------------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------------

SIZE_UNITS = {"": 1, "B": 1, "KB": 10 ** 3, "MB": 10 ** 6, "GB": 10 ** 9, "KIB": 2 ** 10, "MIB": 2 ** 20, "GIB": 2 ** 30}
MIN_SIZE, MAX_SIZE = 10 ** 6, 2 ** 30


def parse_size(text: str) -> int:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]i?B|B)?\s*", text, re.IGNORECASE)
    if not match:
        raise argparse.ArgumentTypeError(f"invalid size {text!r}: use e.g. 500KB, 370MB, 1GB (KB/MB/GB = powers of 1000)")
    size = int(float(match.group(1)) * SIZE_UNITS[(match.group(2) or "").upper()])
    if not MIN_SIZE <= size <= MAX_SIZE:
        raise argparse.ArgumentTypeError(f"size {text!r} out of range: must be between 1MB and 1GiB")
    return size


def parse_rate(text: str) -> float:
    rate = float(text)
    if not 0 <= rate <= 1:
        raise argparse.ArgumentTypeError("error rate must be between 0 and 1")
    return rate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Generate a realistic, seeded chat fine-tuning dataset (JSONL) with planted errors.",
        epilog="Writes FILE and FILE.planted.json (line number, kind and expected datalint code of each planted error).")
    amount = parser.add_mutually_exclusive_group(required=True)
    amount.add_argument("--size", type=parse_size, help="approximate file size: 1MB to 1GB (KB, MB, GB; KiB, MiB, GiB)")
    amount.add_argument("--records", type=int, help="exact number of lines to write")
    parser.add_argument("--out", "-o", required=True, help="output JSONL file")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default: 42)")
    parser.add_argument("--error-rate", type=parse_rate, default=0.01,
                        help="fraction of records that get a planted error (default: 0.01)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)
    if args.records is not None and args.records < 1:
        parser.error("--records must be at least 1")

    rng = random.Random(args.seed)
    text = TextMaker(rng)
    planter = Planter(rng, text)
    kinds = list(ERROR_KINDS)
    queue: list[str] = []
    planted = []
    lines = 0
    written = 0
    target_bytes = args.size
    target_lines = args.records
    started = time.monotonic()
    next_report = 50 * 10 ** 6

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    partial = args.out + ".partial"
    with open(partial, "wb", buffering=4 << 20) as out:
        def done() -> bool:
            return written >= target_bytes if target_bytes is not None else lines >= target_lines

        while not done():
            record = make_record(rng, text)
            if rng.random() < args.error_rate:
                if not queue:                       # every kind once per cycle, in shuffled order
                    queue = kinds[:]
                    rng.shuffle(queue)
                kind = queue.pop()
                new_lines = planter.plant(kind, record)
                at = lines + 1                      # the error is always the first new line
                planted.append({"line": at, "kind": kind, "code": ERROR_KINDS[kind]})
            else:
                new_lines = [encode(rng, record)]
            for line in new_lines:
                if target_lines is not None and lines >= target_lines:
                    break
                data = line.encode("utf-8") + b"\n"
                out.write(data)
                written += len(data)
                lines += 1
            if not args.quiet and written >= next_report:
                rate = written / 1e6 / (time.monotonic() - started)
                print(f"  {written / 1e6:7.0f} MB, {lines:,} lines ({rate:.1f} MB/s)", file=sys.stderr)
                next_report += 50 * 10 ** 6
    planted = [p for p in planted if p["line"] <= lines]
    os.replace(partial, args.out)

    counts: dict[str, int] = {kind: 0 for kind in kinds}
    for p in planted:
        counts[p["kind"]] += 1
    manifest = {
        "generator": "bench/generate.py", "version": GENERATOR_VERSION, "file": os.path.basename(args.out),
        "seed": args.seed, "error_rate": args.error_rate, "bytes": written, "lines": lines,
        "kinds": ERROR_KINDS, "counts": counts, "planted": planted,
    }
    with open(args.out + ".planted.json", "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    if not args.quiet:
        elapsed = time.monotonic() - started
        print(f"wrote {args.out}: {written:,} bytes, {lines:,} lines, {len(planted):,} planted errors, "
              f"{written / max(lines, 1):,.0f} bytes/line, {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
