#!/usr/bin/env python3
"""Writes the fixture of TiktokenParityTests: varied strings with tiktoken's token counts.

Tests/TokenizationTests/Fixtures/tiktoken-parity.json holds, for each string, tiktoken's count for cl100k_base and
o200k_base and an FNV-1a hash of the token ids (see reference.fnv1a64), so the Swift test checks the ids too
without storing them. The strings are hand-picked hard cases followed by random ones drawn with a fixed seed
from pools of English, code, numbers, CJK, emoji (ZWJ sequences, flags, skin tones), other scripts with their
combining marks, white space of every kind, and random code points, so the file is the same on every run of the
same tiktoken. It is committed: the test needs neither Python nor tiktoken.

Usage: python3 bench/tokens/make_parity_fixture.py [--count 6000] [--seed 20240611] [--out PATH]
"""

import argparse
import json
import pathlib
import random
import sys

import tiktoken

import reference

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "Tests/TokenizationTests/Fixtures/tiktoken-parity.json"
ENCODINGS = ["cl100k_base", "o200k_base"]

# Cases chosen to hit each alternative of both patterns and the places where engines tend to differ.
HARD_CASES = [
    "", " ", "  ", "\n", "\n\n\n", "\r\n", "\r\n\r\n", "\t", "\t\t\tx", " \n", "a\n", "a \n", "a  \n", "a\n ",
    "a   ", "   a", "a   b", "a\n\n\nb", "a \n\n b", "x\r\n\r\ny", "  \r\n  ", "\n \n \n", "end with spaces   ",
    "end with newline and spaces   \n", "end with spaces and newline\n   ", " " * 100 + "word", "\n" * 50,
    "\t" * 40 + "tabs", " " * 17 + "\n" + " " * 9 + "x",
    "'s", "'S", "'t", "'T", "'re", "'RE", "'Re", "'ve", "'VE", "'m", "'M", "'ll", "'LL", "'d", "'D", "'x",
    "it's", "IT'S", "It'S", "we're", "WE'RE", "they've", "I'm", "you'll", "he'd", "don't", "DON'T", "o'clock",
    "rock'n'roll", "'''", "'s's's", "the dog's bone's owner's", "James'", "’s", "it’s", "ſ", "'ſ", "'ſt",
    "Lot'ſ", "Straße", "ǅemal", "ǈ", "ǋubljana",
    "0", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789012", "3.14159",
    "1,234,567.89", "-42", "+1e-10", "0x1F", "2024-06-11", "12:30:45", "v1.2.3", "₹1,00,000", "٠١٢٣٤٥٦٧٨٩",
    "１２３４５", "²³¹", "Ⅻ", "ⅷ", "½¼", "𝟙𝟚𝟛", "৩৪৫", "๑๒๓", "abc123def", "a1b2c3", "1a2b3c",
    "Hello, world!", "HELLO WORLD", "helloWorld", "HelloWorld", "hello_world", "XMLHttpRequest", "iPhone",
    "McDonald's", "ALLCAPS'S", "getHTTPResponseCode", "snake_case_VARIABLE", "kebab-case-name",
    "https://example.com/path/to/page?query=1&x=y#frag", "/usr/local/bin", "a/b/c/", "C:\\Windows\\System32",
    "user@example.com", "<|endoftext|>", "<|im_start|>user\nhi<|im_end|>", "<s>[INST] hi [/INST]",
    "def f(x):\n\treturn x + 1\n", "if (a && b) {\n    c();\n}", "for i in range(10):\n    print(i)",
    "    \n    \n", "\t\n\t\n", "x = {'a': 1, \"b\": [2, 3]}", "a=>b", "a!==b", "a::b", "...", "—", "–",
    "!!!???", "\"quoted\"", "«guillemets»", "„Anführungszeichen“", "(parens)", "[brackets]", "{braces}",
    "👨‍👩‍👧‍👦", "👩🏽‍💻", "🏳️‍🌈", "🇺🇸🇯🇵", "1️⃣", "❤️", "👍🏿", "🧑‍🤝‍🧑", "a👨‍👩‍👧‍👦b", "👨‍👩‍👧‍👦 family",
    "😀😃😄😁", " 😀", "\u200d", "\ufe0f", "a\u200db", "\u200b", "a\u200bb", "\ufeffBOM",
    "नमस्ते दुनिया", "हिन्दी", "क्षत्रिय", "العربية", "مَرْحَبًا", "שָׁלוֹם", "ภาษาไทย", "สวัสดีครับ", "한국어", "안녕하세요",
    "日本語", "東京タワー", "カタカナ", "ひらがな", "中文字符", "你好，世界！", "简体中文和繁體中文", "𠀀𠀁𠀂",
    "ქართული", "Հայերեն", "አማርኛ", "ᠮᠣᠩᠭᠣᠯ", "ᠮᠣ\u180eᠩ", "a\u180eb", "\u180e", "བོད་ཡིག", "தமிழ்", "ಕನ್ನಡ",
    "Ελληνικά", "Русский язык", "Українська", "ÀÉÎÕÜ", "e\u0301", "a\u0300\u0301\u0302", "\u0301alone",
    "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇", "a\u00a0b", "a\u00a0\u00a0\nb", "x\u3000y", "\u3000\u3000", "a\u2028b",
    "a\u2029b", "a\u0085b", "\u0085", "a\u000bb", "a\u000cb", "a\u001cb", "a\u001fb", "\u2003em\u2003",
    "a\u202fb", "a\u205fb", "a\u1680b",
    # Letters, digits and marks that Unicode assigned after PCRE2 10.42's tables (Unicode 14).
    "\U00031350\U00031351\U00031352", "𮯰𮯱", "\U00011f04\U00011f05\U00011f50", "\U00010d50\U00010d70\U00010d40",
    "a\u0897b", "\u0cf3", "x\U0001e4d0\U0001e4f0", "\U00016d40\U00016d70", "\u1c89\u1c8a", "\ua7cb\ua7cd",
    # Private use, unassigned and noncharacters.
    "\ue000\ue001", "\U000f0000", "\U0010fffd", "\U000e0001", "\ufdd0", "\uffff", "\U0001fffe", "\U000e0041",
]

ENGLISH = (
    "the of and to in is you that it he was for on are as with his they at be this have from or one had by word "
    "but not what all were we when your can said there use an each which she do how their if will up other about "
    "out many then them these so some her would make like him into time has look two more write go see number no "
    "way could people my than first water been call who oil its now find long down day did get come made may part "
    "tokenizer dataset language model assistant system user message content training fine-tuning evaluation "
    "antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis supercalifragilisticexpialidocious"
).split()
CONTRACTIONS = ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S", "'T", "'RE", "'VE", "'M", "'LL", "'D", "’s", "'"]
PUNCTUATION = list(".,;:!?-—()[]{}\"'/\\@#$%^&*_+=<>|~`") + ["...", "?!", "--", "::", "->", "=>", "//", "/*", "*/"]
CODE = [
    "def main():\n    return 0\n", "import numpy as np\n", "class Foo(Bar):\n\tpass\n", "x += 1;", "i++", "a[i][j]",
    "console.log(`value: ${v}`);", "#include <stdio.h>\n", "int main(void) { return 0; }", "SELECT * FROM t WHERE x=1;",
    "fn main() -> Result<(), Box<dyn Error>> {", "let mut v: Vec<u8> = vec![];", "<div class=\"a\">\n  <p>x</p>\n</div>",
    "{\"key\": \"value\", \"n\": 42, \"list\": [1, 2.5, null, true]}", "    if x is None:\n        raise ValueError(x)\n",
    "\t\tswitch (c) {\n\t\tcase 'a':\n\t\t\tbreak;\n\t\t}\n", "$ ls -la | grep foo > out.txt 2>&1", "git commit -m 'fix'",
    "0xDEADBEEF", "1e-9", "__init__", "self.__dict__", "std::vector<int>", "a->b", "#!/usr/bin/env bash\n",
    "```python\nprint('hi')\n```", "- [ ] todo\n- [x] done", "| a | b |\n|---|---|\n| 1 | 2 |",
]
SCRIPTS = {
    "han": (0x4E00, 0x9FFF), "han_ext_a": (0x3400, 0x4DBF), "han_ext_b": (0x20000, 0x2A6DF),
    "han_ext_h": (0x31350, 0x323AF), "hiragana": (0x3041, 0x3096), "katakana": (0x30A1, 0x30FA),
    "hangul": (0xAC00, 0xD7A3), "jamo": (0x1100, 0x11FF), "cyrillic": (0x0400, 0x04FF), "greek": (0x0370, 0x03FF),
    "arabic": (0x0600, 0x06FF), "hebrew": (0x0590, 0x05FF), "devanagari": (0x0900, 0x097F),
    "bengali": (0x0980, 0x09FF), "tamil": (0x0B80, 0x0BFF), "thai": (0x0E00, 0x0E7F), "lao": (0x0E80, 0x0EFF),
    "tibetan": (0x0F00, 0x0FFF), "georgian": (0x10A0, 0x10FF), "armenian": (0x0530, 0x058F),
    "ethiopic": (0x1200, 0x137F), "mongolian": (0x1800, 0x18AF), "latin_ext": (0x0100, 0x024F),
    "ipa": (0x0250, 0x02AF), "combining": (0x0300, 0x036F), "kawi": (0x11F00, 0x11F5F),
    "garay": (0x10D40, 0x10D8F), "math_alnum": (0x1D400, 0x1D7FF), "fullwidth": (0xFF01, 0xFF5E),
    "letterlike": (0x2100, 0x214F), "number_forms": (0x2150, 0x218F), "arrows_math": (0x2190, 0x22FF),
    "box_drawing": (0x2500, 0x257F), "emoji": (0x1F300, 0x1FAFF), "symbols": (0x2600, 0x27BF),
}
SENTENCES = [
    "The quick brown fox jumps over the lazy dog.", "Pack my box with five dozen liquor jugs!",
    "Der schnelle braune Fuchs springt über den faulen Hund.", "Voix ambiguë d'un cœur qui, au zéphyr, préfère les jattes de kiwis.",
    "Съешь же ещё этих мягких французских булок, да выпей чаю.", "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία.",
    "我能吞下玻璃而不伤身体。", "私はガラスを食べられます。それは私を傷つけません。", "나는 유리를 먹을 수 있어요. 그래도 아프지 않아요.",
    "मैं काँच खा सकता हूँ और मुझे उससे कोई चोट नहीं पहुंचती.", "أنا قادر على أكل الزجاج و هذا لا يؤلمني.",
    "אני יכול לאכול זכוכית וזה לא מזיק לי.", "ฉันกินกระจกได้ แต่มันไม่ทำให้ฉันเจ็บ", "Tôi có thể ăn thủy tinh mà không hại gì.",
    "Mogę jeść szkło i mi nie szkodzi.", "Kan jag äta glas utan att skada mig?", "Cam yiyebilirim, bana zararı dokunmaz.",
    "ᐊᓕᒍᖅ ᓂᕆᔭᕌᖓᒃᑯ ᓱᕋᙱᑦᑐᓐᓇᖅᑐᖓ", "მინას ვჭამ და არა მტკივა.", "Կրնամ ապակի ուտել և ինծի անհանգիստ չըներ։",
]
EMOJI = ["😀", "🎉", "🚀", "👍", "👍🏽", "👩‍🔬", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇫🇷", "🇩🇪🇮🇹", "#️⃣", "❤️‍🔥", "🫠", "🧑🏾‍🦱", "✌🏻", "☕", "⭐"]
WHITESPACE = [" ", "  ", "   ", "\t", "\n", "\n\n", "\r\n", " \n", "\n ", "\u00a0", "\u3000", "\u2003", "\u2009",
              "\u0085", "\u180e", "\u200b", "\u2028", "\x0b", "\x0c", "\x1c"]


def random_code_point(rng: random.Random) -> str:
    while True:
        code_point = rng.randrange(0x110000) if rng.random() < 0.5 else rng.randrange(0x30000)
        if not 0xD800 <= code_point <= 0xDFFF:
            return chr(code_point)


def fragment(rng: random.Random) -> str:
    kind = rng.choices(
        ["english", "sentence", "contraction", "code", "number", "script", "emoji", "whitespace", "punctuation",
         "random", "casing", "url", "marks", "long"],
        weights=[18, 8, 6, 8, 8, 12, 5, 8, 5, 6, 4, 3, 4, 1])[0]
    if kind == "english":
        return " ".join(rng.choice(ENGLISH) for _ in range(rng.randint(1, 12)))
    if kind == "sentence":
        return rng.choice(SENTENCES)
    if kind == "contraction":
        return rng.choice(ENGLISH).capitalize() + rng.choice(CONTRACTIONS) + rng.choice(["", " ", "s", "x", "'"])
    if kind == "code":
        return rng.choice(CODE)
    if kind == "number":
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 14)))
        return rng.choice([digits, digits + "." + digits[:3], "-" + digits, "$" + digits, digits + "%",
                           ",".join(digits[i:i + 3] for i in range(0, len(digits), 3)), "v" + digits])
    if kind == "script":
        low, high = SCRIPTS[rng.choice(list(SCRIPTS))]
        return "".join(chr(rng.randint(low, high)) for _ in range(rng.randint(1, 20)))
    if kind == "emoji":
        return "".join(rng.choice(EMOJI) for _ in range(rng.randint(1, 5)))
    if kind == "whitespace":
        return "".join(rng.choice(WHITESPACE) for _ in range(rng.randint(1, 6))) * rng.choice([1, 1, 2, 7])
    if kind == "punctuation":
        return "".join(rng.choice(PUNCTUATION) for _ in range(rng.randint(1, 6)))
    if kind == "random":
        return "".join(random_code_point(rng) for _ in range(rng.randint(1, 8)))
    if kind == "casing":
        word = rng.choice(ENGLISH)
        return rng.choice([word.upper(), word.title(), word[:1] + word[1:].upper(), word.swapcase() + word,
                           "".join(w.title() for w in rng.sample(ENGLISH, 3))])
    if kind == "url":
        return "https://" + "/".join(rng.choice(ENGLISH) for _ in range(rng.randint(1, 5))) + rng.choice(["", "/", "?q=1"])
    if kind == "marks":
        base = rng.choice("aeiouxAEZ" + "अकखนกاب")
        return base + "".join(chr(rng.randint(0x0300, 0x036F)) for _ in range(rng.randint(1, 4)))
    # long: one run of one class, for the long-piece paths (merging by heap, long white space).
    unit = rng.choice([" ", "\n", "\t", "a", "ab", "-", "=", "1", "日", "😀", "ю", "\u00a0", " x"])
    return unit * rng.randint(50, 1500)


def random_case(rng: random.Random) -> str:
    pieces = [fragment(rng) for _ in range(rng.randint(1, 7))]
    joiners = ["", " ", "\n", ", ", "  ", "\t", "\r\n"]
    text = pieces[0]
    for piece in pieces[1:]:
        text += rng.choice(joiners) + piece
    if rng.random() < 0.15:
        text += rng.choice(WHITESPACE) * rng.randint(1, 5)  # trailing white space: `\s++$` and friends
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=6000, help="random strings besides the hard cases")
    parser.add_argument("--seed", type=int, default=20240611)
    parser.add_argument("--out", type=pathlib.Path, default=DEFAULT_OUT)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    texts = list(dict.fromkeys(HARD_CASES))
    seen = set(texts)
    while len(texts) < len(HARD_CASES) + args.count:
        text = random_case(rng)
        if text not in seen:
            seen.add(text)
            texts.append(text)

    encodings = {name: reference.get_encoding(name) for name in ENCODINGS}
    cases = []
    for text in texts:
        case = {"text": text}
        for name, encoding in encodings.items():
            tokens = encoding.encode_ordinary(text)
            case[name] = [len(tokens), f"{reference.fnv1a64(tokens):016x}"]
        cases.append(case)
    fixture = {
        "generator": "bench/tokens/make_parity_fixture.py",
        "tiktoken": tiktoken.__version__,
        "seed": args.seed,
        "encodings": ENCODINGS,
        "format": "each case: text, then per encoding [token count, FNV-1a 64 of the ids as little-endian u32]",
        "cases": cases,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as file:
        file.write(json.dumps(fixture, ensure_ascii=False, indent=None, separators=(",", ":"))
                   .replace('{"text"', '\n{"text"') + "\n")
    size = args.out.stat().st_size
    print(f"wrote {len(cases)} cases ({size / 1e6:.2f} MB) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
