#!/usr/bin/env python3
"""Build a labeled evaluation set for datalint's `pii` and `secret` checks, deterministically.

Writes three files:

  OUT                   JSONL records: OpenAI `messages` chats (some with tool calls whose `arguments` are
                        JSON inside a JSON string, some with content given as a list of parts), Alpaca
                        records (instruction/input/output) and preference records (prompt/chosen/rejected).
  OUT.labels.jsonl      one object per labeled entity: the record's line (1-based), its exact raw UTF-8 byte
                        span in that line (`start`/`end`, 0-based, end exclusive; also `column`/`endColumn`,
                        1-based, end exclusive, as datalint prints them), `type` (a datalint code such as
                        `pii/email`), `class` (positive | info | negative), `category`, the decoded `text`, and
                        `escapes` (how many JSON string encodings lie between the text and the raw line:
                        1 for a plain string value, 2 inside tool-call arguments).
  OUT.meta.json         seed, versions, record/byte counts and counts per (type, class, category).

Entities are embedded in natural sentences (in ten languages) inside user, assistant, system and tool
contents and in tool-call arguments. Text around them needs JSON escapes (quotes, newlines, tabs), and often
has non-ASCII text (é, 中文, emoji) before the entity, so byte columns differ from character columns; about a
sixth of the records are written with `ensure_ascii=True`, so the same text appears as `\\uXXXX` escapes
(surrogate pairs for emoji).

How spans are computed: each entity is first put into the record as a unique ASCII sentinel
(`ZQXENT000123QXZ`), which JSON encoding leaves unchanged at any depth. The record is JSON-encoded, then each
sentinel is replaced by the entity JSON-escaped as many times as it is nested (once in a content string,
twice inside tool-call arguments), and the byte offsets of the replacement are recorded. Every label is then
checked: its raw bytes, JSON-decoded `escapes` times, must give back the entity, and every line must parse.

Classes:
  positive   real-looking personal data or a credential: a tool should report it (datalint: warning/error).
  info       a value of the entity's shape that is certainly not personal data: reserved example domains
             (example.com/.net/.org, .test, .example, .invalid), private, loopback, link-local and
             documentation IP ranges, fictional phone numbers (US 555-0100..0199, Ofcom drama ranges), published
             test cards, Stripe test keys, AWS's documented example key, jwt.io's sample token. datalint reports
             these at severity info; the evaluation counts them neither as hits nor as false positives.
  negative   a hard negative: looks like an entity but is not one (order and tracking numbers, ISBNs,
             UUIDs, timestamps, version strings, arithmetic, hashes and hex constants, serial numbers,
             invalid-checksum cards and IBANs, invalid SSNs, placeholders, public keys, …). `type` names the
             entity it is most easily mistaken for. Any report overlapping it is a false positive.

Positives come from Faker (pinned, see requirements.txt) in many locales. Phone numbers are kept only when
libphonenumber (the `phonenumbers` package) says they are valid for their region and they are not in a
fictional range. Cards and IBANs are checksum-valid (verified here). Credentials are synthesized in each
vendor's real format from the seeded RNG (GitHub ghp_/gho_/ghs_ tokens carry a valid CRC32 checksum).

Examples:
    python3 bench/pii/build_eval_set.py                                  # ~10k records, accuracy set
    python3 bench/pii/build_eval_set.py --size 100MB --out bench/data/pii-large.jsonl
"""

from __future__ import annotations

import argparse
import base64
import datetime
import ipaddress
import json
import os
import random
import re
import string
import sys
import time
import zlib

try:
    import faker
    from faker import Faker
    import phonenumbers as pn
except ImportError as exc:  # pragma: no cover
    sys.exit(f"build_eval_set.py needs Faker and phonenumbers: pip install -r bench/pii/requirements.txt ({exc})")

GENERATOR_VERSION = 1
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_OUT = os.path.join(REPO, "bench", "data", "pii-eval.jsonl")

LOCALES = ["en_US", "en_CA", "en_GB", "de_DE", "fr_FR", "en_IN", "pt_BR", "ja_JP", "zh_CN", "es_ES", "it_IT",
           "nl_NL", "pl_PL"]
LOCALE_REGION = {"en_US": "US", "en_CA": "CA", "en_GB": "GB", "de_DE": "DE", "fr_FR": "FR", "en_IN": "IN",
                 "pt_BR": "BR", "ja_JP": "JP", "zh_CN": "CN", "es_ES": "ES", "it_IT": "IT"}
LOCALE_LANG = {"en_US": "en", "en_CA": "en", "en_GB": "en", "en_IN": "en", "de_DE": "de", "fr_FR": "fr",
               "pt_BR": "pt", "ja_JP": "ja", "zh_CN": "zh", "es_ES": "es", "it_IT": "it", "nl_NL": "en",
               "pl_PL": "en"}
IBAN_LOCALES = ["de_DE", "fr_FR", "en_GB", "es_ES", "it_IT", "pt_BR", "nl_NL", "pl_PL"]

SENTINEL = "ZQXENT{:06d}QXZ"
SENTINEL_RE = re.compile(r"ZQXENT(\d{6})QXZ")

ALNUM = string.ascii_letters + string.digits
URLSAFE = ALNUM + "-_"
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
B32 = string.ascii_uppercase + "234567"
HEX = "0123456789abcdef"

# ----------------------------------------------------------------------------------------------------------
# Checksums and validators
# ----------------------------------------------------------------------------------------------------------


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "")
    s = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in s)
    return int(num) % 97 == 1


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


PUBLISHED_TEST_CARDS = ["4111111111111111", "4242424242424242", "5555555555554444", "378282246310005",
                        "6011111111111117", "5105105105105100", "4012888888881881", "4000056655665556",
                        "371449635398431", "3056930009020004"]

UK_DRAMA = re.compile(r"^(?:(?:11[3-8]|121|131|141|151|161)4960\d{3}|1914980\d{3}|2079460\d{3}|2896496\d{3}"
                      r"|2920180\d{3}|1632960\d{3}|7700900\d{3}|8081570\d{3}|9098790\d{3}|3069990\d{3})$")

# ----------------------------------------------------------------------------------------------------------
# Text material
# ----------------------------------------------------------------------------------------------------------

GARNISH = [
    "Merci beaucoup, c’est très gentil 😊.", "好的，我明白了。", "Ça marche — voilà ✓.", "Danke schön! 🙏",
    "Perfecto, ¡gracias! 👍", "了解しました。よろしくお願いします。", "Olá! Tudo bem? 🇧🇷", "Grazie mille 🍕.",
    "Naïve café résumé — déjà vu.", "谢谢你的帮助 🙂", "Zürich → München, 3 h 🚆.", "¿Qué tal? ¡Muy bien!",
    "Ünïcödé ẗëxẗ 🤖 here.", "日本語のテキストです。", "Crème brûlée for dessert 🍮.", "Привет, как дела?",
]

OPENERS = {
    "en": ["Hi there!", "Hello,", "Quick question.", "Thanks for the help earlier.", "Hey, one more thing:",
           "Could you help me with this?", "Good morning!", "I need to update my details."],
    "de": ["Hallo zusammen!", "Guten Tag,", "Kurze Frage:", "Vielen Dank für die Hilfe."],
    "fr": ["Bonjour,", "Salut !", "Petite question :", "Merci pour votre aide."],
    "es": ["Hola,", "Buenos días.", "Una pregunta rápida:", "Gracias por la ayuda."],
    "it": ["Ciao,", "Buongiorno.", "Una domanda veloce:", "Grazie per l'aiuto."],
    "pt": ["Olá,", "Bom dia!", "Uma dúvida rápida:", "Obrigado pela ajuda."],
    "ja": ["こんにちは。", "お世話になっております。", "ちょっと質問です。"],
    "zh": ["你好，", "请问一下，", "麻烦你帮我看看。"],
}

REPLIES = [
    "Thanks — I've noted that.", "Sure! Here is what I would do.", "Got it, I'll take care of it.",
    "Understood. Let me summarise what you sent.", "Of course. One moment while I check.",
    "That makes sense; here are the next steps.", "I can help with that.", "Done — anything else?",
    "D'accord, c'est noté.", "Alles klar, erledigt.", "Entendido, lo reviso.", "了解しました。",
    "好的，我来处理。", "Certo, ci penso io.", "Perfeito, vou verificar.",
]

SYSTEM_PROMPTS = [
    "You are a helpful assistant.", "You are a customer-support agent for an online shop. Be concise.",
    "You are a senior software engineer who reviews code.", "Tu es un assistant serviable.",
    "Du bist ein hilfreicher Assistent.", "你是一个乐于助人的助手。", "You answer in the user's language.",
]

CLEAN_CODE = [
    '```python\ndef greet(name):\n\treturn f"Hello, {name}!"\n\nprint(greet("world"))\n```',
    '```js\nconst items = list.filter((x) => x.active).map((x) => x.name);\nconsole.log(`found ${items.length}`);\n```',
    '```bash\nfind . -name "*.log" -mtime +7 -delete\n```',
    '```sql\nSELECT name, COUNT(*) AS n FROM orders GROUP BY name ORDER BY n DESC;\n```',
    '```python\npath = "C:\\\\Users\\\\me\\\\data.csv"\nrows = [line.split(",") for line in open(path)]\n```',
    '```swift\nlet total = prices.reduce(0, +)\nprint("Total: \\(total)")\n```',
]

TOPICS = ["my account", "the last invoice", "our deployment", "the shipping address", "the booking",
          "the staging server", "the refund", "the new laptop", "the API integration", "my subscription"]

# Templates per (type); {x} is where the entity goes. Prose in several languages, plus code/config lines.
T = {
    "email": [
        "You can reach me at {x} if anything changes.", "Please send the invoice to {x} before Friday.",
        "My new address is {x} — the old one bounces.", "Contact: {x}", "Bitte schreiben Sie an {x}.",
        "Écrivez-moi à {x}, merci !", "请发邮件到 {x} 联系我。", "メールは {x} までお願いします。",
        "Mi correo es {x}.", "Il mio indirizzo email è {x}.", "Meu e-mail é {x}.", "cc: {x}",
        'git config --global user.email "{x}"', "From: {x}\nSubject: Re: {topic}",
        "Forward it to <{x}> please.", "The customer ({x}) asked about {topic}.",
    ],
    "phone": [
        "Call me at {x} after 6pm.", "My number is {x}.", "Phone: {x}", "Tel.: {x}",
        "Rufen Sie mich unter {x} an.", "Appelez-moi au {x}.", "我的电话是{x}。", "電話番号は{x}です。",
        "Llámame al {x}.", "Il mio numero è {x}.", "Meu telefone é {x}.", "WhatsApp: {x}",
        "You can text {x} anytime.", "The courier will call {x} on arrival.", "mobile: {x}",
    ],
    "card": [
        "My card number is {x}, expiry 08/27.", "Charge it to {x} please.", "Card: {x}",
        "Kartennummer: {x}", "Numéro de carte : {x}", "卡号：{x}", "カード番号は{x}です。",
        "I've updated the payment method to {x}.", "Número de tarjeta: {x}", "Use the Visa/MC {x} for this.",
    ],
    "iban": [
        "IBAN: {x}", "Please transfer the deposit to {x}.", "Meine IBAN lautet {x}.", "Mon IBAN est {x}.",
        "Mi IBAN es {x}.", "Il mio IBAN è {x}.", "Bank details — IBAN {x}, BIC on request.",
        "Refund to account {x}, please.",
    ],
    "ssn": [
        "My SSN is {x}.", "Social Security Number: {x}", "SSN {x} was on the W-2.",
        "The applicant's social security number is {x}.", "ssn: {x}", "SSN#: {x}",
        "For the tax form, my social is {x}.",
    ],
    "ip": [
        "The server at {x} keeps timing out.", "ping {x}", "Blocked requests from {x} in the firewall.",
        "nginx: client: {x}, server: api", "Set the DNS to {x}.", "Meine IP ist {x}.",
        "Login attempt from {x} at 03:12.", "Le serveur {x} ne répond plus.", "host = {x}",
    ],
    "mac": [
        "MAC address {x}", "The device {x} keeps dropping off Wi-Fi.", "ether {x}  txqueuelen 1000",
        "Adresse MAC : {x}", "Whitelist {x} on the router.", "hw {x} lease expired",
    ],
    "urlcred": [
        "Connect with {x}", "DATABASE_URL={x}", "git clone {x}", "The webhook posts to {x}.",
        'engine = create_engine("{x}")', "Try {x} in the browser.",
    ],
    "dob": [
        "I was born on {x}.", "Date of birth: {x}", "DOB: {x}", "Geburtsdatum: {x}", "Né le {x}.",
        "生年月日：{x}", "Fecha de nacimiento: {x}", "The patient's date of birth is {x}.",
    ],
    "secret": [
        "Here's my key: {x} — why does the API return 401?", "export API_TOKEN={x}",
        'headers = {{"Authorization": "Bearer {x}"}}', "token: {x}",
        "I accidentally committed {x} to the repo, how do I rotate it?", 'client = Client(api_key="{x}")',
        "Mein Schlüssel {x} funktioniert nicht.", "La clé {x} est expirée ?",
    ],
}

VENDOR_TEMPLATES = {
    "secret/github-token": ["export GITHUB_TOKEN={x}", "gh auth login --with-token <<< {x}",
                            "My GitHub PAT {x} stopped working."],
    "secret/gitlab-token": ['curl --header "PRIVATE-TOKEN: {x}" https://gitlab.com/api/v4/projects',
                            "GITLAB_TOKEN={x}"],
    "secret/slack-token": ['SLACK_BOT_TOKEN="{x}"', "The bot uses {x} to post to #alerts."],
    "secret/stripe-key": ['stripe.api_key = "{x}"', "STRIPE_SECRET_KEY={x}"],
    "secret/google-api-key": ["https://maps.googleapis.com/maps/api/geocode/json?address=Paris&key={x}",
                              "GOOGLE_API_KEY={x}"],
    "secret/openai-key": ['client = OpenAI(api_key="{x}")', "OPENAI_API_KEY={x}"],
    "secret/anthropic-key": ['client = anthropic.Anthropic(api_key="{x}")', "ANTHROPIC_API_KEY={x}"],
    "secret/jwt": ["Authorization: Bearer {x}", "The token {x} fails verification.", "Cookie: session={x}"],
}

# Where a JWT-shaped token without `alg` is shown as what it is (a malformed token in a log, a test fixture, an
# example of the format), not handed over as a credential: no `api_key=`, `export TOKEN=` or "here's my key".
JWT_NOALG_TEMPLATES = [
    "[WARN] auth: rejected {x}: JOSE header has no alg member",
    "The test fixture missing_alg.txt holds {x}, which every verifier must reject.",
    "A JWT is three base64url segments joined by dots, like {x}; this one has no alg in its header.",
    "2024-05-17T09:12:44Z jwt.decode failed for {x} (InvalidAlgorithmError)",
    "Der Validator lehnt {x} ab, weil der Header kein alg enthält.",
    "Ce jeton de démonstration {x} n'a pas de champ alg dans son en-tête.",
    "Decode the first segment of {x} and you get a header without alg.",
]

HIGH_ENTROPY_TEMPLATES = [
    'password = "{x}"', "DB_PASSWORD={x}", '"client_secret": "{x}"', "api_secret: {x}",
    "export SECRET_KEY='{x}'", "mysql -u admin --password={x}", 'SECRET_KEY = "{x}"',
    "smtp_password: \"{x}\"", "Das Passwort ist {x}", "le mot de passe est {x}",
    "username: admin password: {x}", "Login: jdoe / Password: {x}",
]

PLACEHOLDERS = ["changeme", "<your-password>", "${DB_PASSWORD}", "********", "xxxxxxxxxxxxxxxx",
                "YOUR_API_KEY_HERE", "{{ secrets.API_KEY }}", "<REDACTED>", "%(password)s", "os.environ['PW']"]

CODE_SNIPPETS_NEG = {
    "git-sha": ["commit {x}", "git checkout {x}", "Reverted {x} because it broke CI."],
    "sha256": ["sha256sum: {x}  model.safetensors", "expected checksum {x}",
               'hashlib.sha256(data).hexdigest() == "{x}"'],
    "md5": ["md5 {x}", "ETag: \"{x}\""],
    "hex-constant": ["#define MAGIC {x}", "mask = {x}", "if (flags & {x}) return;", "uint32_t seed = {x};"],
    "docker-digest": ["image: nginx@{x}", "FROM python:3.12-slim@{x}"],
    "npm-integrity": ['"integrity": "{x}"'],
}


# ----------------------------------------------------------------------------------------------------------
# Generator
# ----------------------------------------------------------------------------------------------------------


class Entity:
    __slots__ = ("id", "text", "type", "cls", "category", "locale", "nested")

    def __init__(self, eid, text, etype, cls, category, locale, nested):
        self.id, self.text, self.type, self.cls = eid, text, etype, cls
        self.category, self.locale, self.nested = category, locale, nested


class Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.fakers = {}
        for i, loc in enumerate(LOCALES):
            f = Faker(loc)
            f.seed_instance(seed * 1000 + i)
            self.fakers[loc] = f
        self.next_id = 0
        self.entities: dict[int, Entity] = {}  # entities of records not yet encoded
        self.items = self._item_table()

    # --- entity registration ------------------------------------------------------------------------

    def ent(self, text, etype, cls, category, locale="", nested=False) -> str:
        eid = self.next_id
        self.next_id += 1
        self.entities[eid] = Entity(eid, text, etype, cls, category, locale, nested)
        return SENTINEL.format(eid)

    def fk(self, loc=None):
        loc = loc or self.rng.choice(LOCALES)
        return loc, self.fakers[loc]

    def chars(self, alphabet, n):
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def sentence(self, key, x, **kw):
        tpl = self.rng.choice(T[key] if isinstance(key, str) else key)
        return tpl.replace("{x}", x).replace("{topic}", self.rng.choice(TOPICS)).replace("{{", "{").replace(
            "}}", "}")

    # --- values ----------------------------------------------------------------------------------------

    def v_email(self):
        r = self.rng.random()
        loc, f = self.fk()
        if r < 0.10:  # internationalised domain names, Unicode and punycode
            local = f.user_name()
            dom = self.rng.choice(["bücher.de", "müller-bau.de", "café-paris.fr", "españa-viajes.es",
                                   "日本語.jp", "例子.中国", "xn--bcher-kva.de", "xn--mller-kva.de",
                                   "señal.com.mx", "straße.at"])
            return f"{local}@{dom}", "idn"
        if r < 0.25:
            local = f"{f.first_name()}.{f.last_name()}".lower()
            local = re.sub(r"[^a-z0-9.]", "", local.encode("ascii", "ignore").decode()) or f.user_name()
            local = local.strip(".") or f.user_name()
            if self.rng.random() < 0.4:
                local += "+" + self.rng.choice(["news", "shop", "dev", "2024", "billing"])
            dom = self.rng.choice(["gmail.com", "outlook.com", "web.de", "orange.fr", "yahoo.co.jp", "qq.com",
                                   "163.com", "uol.com.br", "libero.it", "rediffmail.com", "btinternet.com",
                                   "mail.company.co.uk", "students.uni-heidelberg.de", "proton.me"])
            return f"{local}@{dom}", "synthesized"
        for _ in range(20):
            e = f.email(safe=False)
            if not re.search(r"@example\.(com|net|org)$", e):
                return e, f"faker:{loc}"
        return f.user_name() + "@gmail.com", f"faker:{loc}"

    def v_email_info(self):
        loc, f = self.fk()
        dom = self.rng.choice(["example.com", "example.org", "example.net", "mail.example.com", "test",
                               "corp.example", "shop.invalid", "acme.test"])
        if dom == "test":
            return f"{f.user_name()}@mail.test", "reserved-tld"
        cat = "example-domain" if "example." in dom or dom.startswith("example") else "reserved-tld"
        return f"{f.user_name()}@{dom}", cat

    def _phone_from_faker(self, loc):
        region = LOCALE_REGION[loc]
        f = self.fakers[loc]
        for _ in range(60):
            s = f.phone_number()
            if re.search(r"x|ext", s, re.I):
                continue
            try:
                n = pn.parse(s, region)
            except pn.NumberParseException:
                continue
            if not pn.is_valid_number(n):
                continue
            nsn = pn.national_significant_number(n)
            if n.country_code == 1 and nsn[3:6] == "555":
                continue
            if n.country_code == 44 and UK_DRAMA.match(nsn):
                continue
            return s, n
        return None

    def _phone_uk(self):
        for _ in range(100):
            kind = self.rng.random()
            if kind < 0.5:
                s = "07" + self.rng.choice("123457889") + self.chars(string.digits, 8)
            elif kind < 0.75:
                s = "020" + self.rng.choice("78") + self.chars(string.digits, 7)
            else:
                s = "01" + self.rng.choice(["13", "14", "15", "16", "17", "21", "31", "41", "51", "61", "223",
                                            "224", "225", "273", "392"])
                s += self.chars(string.digits, 11 - len(s))
            n = pn.parse(s, "GB")
            if pn.is_valid_number(n) and not UK_DRAMA.match(pn.national_significant_number(n)):
                return pn.format_number(n, pn.PhoneNumberFormat.NATIONAL), n
        return None

    def v_phone(self):
        loc = self.rng.choice(list(LOCALE_REGION))
        got = self._phone_uk() if loc == "en_GB" else self._phone_from_faker(loc)
        if got is None:
            loc = "fr_FR"
            got = self._phone_from_faker(loc)
        raw, n = got
        r = self.rng.random()
        if r < 0.25:
            return pn.format_number(n, pn.PhoneNumberFormat.E164), f"{LOCALE_REGION[loc]}:e164"
        if r < 0.45:
            return pn.format_number(n, pn.PhoneNumberFormat.INTERNATIONAL), f"{LOCALE_REGION[loc]}:international"
        if r < 0.6:
            return pn.format_number(n, pn.PhoneNumberFormat.NATIONAL), f"{LOCALE_REGION[loc]}:national"
        return raw, f"{LOCALE_REGION[loc]}:" + ("generated" if loc == "en_GB" else "faker")

    def v_phone_info(self):
        if self.rng.random() < 0.6:
            area = self.rng.choice(["202", "212", "310", "415", "617", "312", "206", "512"])
            sub = f"01{self.rng.randrange(100):02d}"
            fmt = self.rng.choice(["({a}) 555-{s}", "{a}-555-{s}", "+1 {a} 555 {s}", "+1-{a}-555-{s}",
                                   "{a}.555.{s}"])
            return fmt.format(a=area, s=sub), "us-555-01xx"
        tpl = self.rng.choice(["020 7946 0{d}", "0161 496 0{d}", "0121 496 0{d}", "07700 900{d}",
                               "+44 20 7946 0{d}", "+44 7700 900{d}"])
        return tpl.format(d=f"{self.rng.randrange(1000):03d}"), "uk-drama"

    CARD_TYPES = ["visa16", "visa16", "visa16", "mastercard", "mastercard", "amex", "discover", "diners",
                  "jcb16", "visa19"]

    def _group_card(self, num, sep):
        if len(num) == 15:
            groups = [num[:4], num[4:10], num[10:]]
        elif len(num) == 14:
            groups = [num[:4], num[4:10], num[10:]]
        else:
            groups = [num[i:i + 4] for i in range(0, len(num), 4)]
        return sep.join(groups)

    def _card_format(self, num):
        r = self.rng.random()
        if r < 0.4:
            return num, "plain"
        if r < 0.75:
            return self._group_card(num, " "), "spaces"
        return self._group_card(num, "-"), "dashes"

    def v_card(self):
        f = self.fakers["en_US"]  # card types are the same everywhere; other locales lack some
        ctype = self.rng.choice(self.CARD_TYPES)
        for _ in range(20):
            num = f.credit_card_number(card_type=ctype)
            if luhn_ok(num) and num not in PUBLISHED_TEST_CARDS:
                break
        assert luhn_ok(num)
        text, fmt = self._card_format(num)
        return text, f"{ctype}:{fmt}"

    def v_card_info(self):
        num = self.rng.choice(PUBLISHED_TEST_CARDS)
        text, fmt = self._card_format(num)
        return text, f"test-card:{fmt}"

    def v_card_invalid(self):
        f = self.fakers["en_US"]
        num = f.credit_card_number(card_type=self.rng.choice(self.CARD_TYPES))
        last = int(num[-1])
        num = num[:-1] + str((last + self.rng.randrange(1, 10)) % 10)
        assert not luhn_ok(num)
        text, fmt = self._card_format(num)
        return text, f"luhn-invalid:{fmt}"

    def _iban_format(self, iban):
        if self.rng.random() < 0.45:
            return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)), "grouped"
        return iban, "compact"

    def v_iban(self):
        loc = self.rng.choice(IBAN_LOCALES)
        iban = self.fakers[loc].iban()
        assert iban_ok(iban), iban
        text, fmt = self._iban_format(iban)
        return text, f"{iban[:2]}:{fmt}"

    def v_iban_invalid(self):
        loc = self.rng.choice(IBAN_LOCALES)
        iban = self.fakers[loc].iban()
        check = int(iban[2:4])
        start = self.rng.randrange(1, 96)
        for k in range(start, start + 96):
            bad = iban[:2] + f"{(check - 2 + k) % 97 + 2:02d}" + iban[4:]
            if not iban_ok(bad):
                iban = bad
                break
        assert not iban_ok(iban)
        text, fmt = self._iban_format(iban)
        return text, f"mod97-invalid:{iban[:2]}"

    def v_ssn(self):
        s = self.fakers["en_US"].ssn()
        area, group, serial = s.split("-")
        assert area not in ("000", "666") and not area.startswith("9") and group != "00" and serial != "0000"
        if self.rng.random() < 0.2:
            return f"{area} {group} {serial}", "spaces"
        return s, "dashes"

    def v_ssn_invalid(self):
        area = self.rng.choice(["000", "666", f"9{self.rng.randrange(100):02d}"])
        group = f"{self.rng.randrange(1, 100):02d}"
        serial = f"{self.rng.randrange(1, 10000):04d}"
        if self.rng.random() < 0.3:
            area, group = f"{self.rng.randrange(1, 600):03d}", "00"
        return f"{area}-{group}-{serial}", "invalid-area-or-group"

    def v_ip(self):
        f = self.fakers["en_US"]
        if self.rng.random() < 0.65:
            for _ in range(50):
                a = f.ipv4_public()
                if ipaddress.ip_address(a).is_global:
                    return a, "ipv4-public"
        for _ in range(50):
            first = self.rng.randrange(0x2001, 0x2c00)
            rest = [self.rng.randrange(0x10000) for _ in range(7)]
            if self.rng.random() < 0.4:
                rest[3:7] = [0, 0, 0, self.rng.randrange(1, 0x100)]
            ip = ipaddress.IPv6Address(":".join(f"{h:x}" for h in [first] + rest))
            if ip.is_global:
                return str(ip), "ipv6-public"
        return "8.8.4.4", "ipv4-public"

    def v_ip_info(self):
        f = self.fakers["en_US"]
        r = self.rng.random()
        if r < 0.35:
            return f.ipv4_private(), "ipv4-private"
        if r < 0.5:
            return self.rng.choice(["127.0.0.1", "127.0.1.1", "::1"]), "loopback"
        if r < 0.75:
            net = self.rng.choice(["192.0.2", "198.51.100", "203.0.113"])
            return f"{net}.{self.rng.randrange(1, 255)}", "ipv4-documentation"
        if r < 0.87:
            return f"2001:db8::{self.rng.randrange(1, 0xffff):x}", "ipv6-documentation"
        if r < 0.94:
            return f"fe80::{self.rng.randrange(0x10000):x}:{self.rng.randrange(0x10000):x}", "ipv6-link-local"
        return f"169.254.{self.rng.randrange(256)}.{self.rng.randrange(1, 255)}", "ipv4-link-local"

    def v_mac(self):
        m = self.fakers["en_US"].mac_address()
        r = self.rng.random()
        if r < 0.5:
            return m, "colon-lower"
        if r < 0.8:
            return m.upper().replace(":", "-"), "dash-upper"
        if r < 0.9:
            return m.upper(), "colon-upper"
        h = m.replace(":", "")
        return f"{h[0:4]}.{h[4:8]}.{h[8:12]}", "cisco-dotted"

    def v_urlcred(self):
        loc, f = self.fk()
        user = re.sub(r"[^a-z0-9._]", "", f.user_name().lower()) or "admin"
        pw = self.chars(ALNUM + "!$*-_.~", self.rng.randrange(10, 24))
        scheme = self.rng.choice(["https", "http", "ftp", "postgres", "postgresql", "mysql", "mongodb+srv",
                                  "redis", "amqp", "smtp"])
        host = self.rng.choice([f.domain_name(), f"db{self.rng.randrange(1, 9)}.{f.domain_name()}",
                                f"cluster0.{self.chars(string.ascii_lowercase + string.digits, 5)}.mongodb.net"])
        port = {"postgres": ":5432", "postgresql": ":5432", "mysql": ":3306", "redis": ":6379", "amqp": ":5672",
                "smtp": ":587"}.get(scheme, "")
        path = self.rng.choice(["/", "/app", "/prod?sslmode=require", "/releases/latest.tar.gz", ""])
        return f"{scheme}://", f"{user}:{pw}", f"@{host}{port}{path}", scheme

    def i_urlcred(self, nested):
        """A URL with credentials; the labeled span is its user-info `user:password` (what a fix replaces)."""
        before, userinfo, after, cat = self.v_urlcred()
        x = self.ent(userinfo, "pii/url-credentials", "positive", cat, nested=nested)
        return self._garnish(self.sentence("urlcred", before + x + after))

    def v_dob(self):
        loc, f = self.fk()
        d = f.date_of_birth(minimum_age=18, maximum_age=90)
        fmt = self.rng.choice(["%B %d, %Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y", "%m/%d/%Y", "%d %B %Y", "cjk"])
        if fmt == "cjk":
            return f"{d.year}年{d.month}月{d.day}日", "cjk"
        return d.strftime(fmt), fmt.replace("%", "")

    # credentials ------------------------------------------------------------------------------------

    def v_aws_id(self):
        return "AKIA" + self.chars(B32, 16), "akia"

    def v_aws_secret(self):
        return self.chars(ALNUM + "/+", 40), "secret-access-key"

    def v_github(self):
        r = self.rng.random()
        if r < 0.7:
            prefix = self.rng.choice(["ghp_", "ghp_", "ghp_", "gho_", "ghs_", "ghu_"])
            body = self.chars(ALNUM, 30)
            crc = zlib.crc32(body.encode())
            chk = ""
            while crc:
                crc, rem = divmod(crc, 62)
                chk = B62[rem] + chk
            return prefix + body + chk.rjust(6, "0"), prefix.rstrip("_")
        return "github_pat_" + self.chars(ALNUM, 22) + "_" + self.chars(ALNUM, 59), "github_pat"

    def v_gitlab(self):
        return "glpat-" + self.chars(URLSAFE, 20), "glpat"

    def v_slack(self):
        if self.rng.random() < 0.6:
            return (f"xoxb-{self.chars(string.digits, 12)}-{self.chars(string.digits, 13)}-"
                    f"{self.chars(ALNUM, 24)}"), "xoxb"
        return (f"xoxp-{self.chars(string.digits, 12)}-{self.chars(string.digits, 12)}-"
                f"{self.chars(string.digits, 13)}-{self.chars(HEX, 32)}"), "xoxp"

    def v_stripe(self):
        prefix = self.rng.choice(["sk_live_", "sk_live_", "rk_live_"])
        if self.rng.random() < 0.5:
            return prefix + self.chars(ALNUM, 24), prefix + "24"
        return prefix + "51" + self.chars(ALNUM, 97), prefix + "99"

    def v_stripe_info(self):
        return "sk_test_" + self.chars(ALNUM, 24), "sk_test"

    def v_google(self):
        return "AIza" + self.chars(URLSAFE, 35), "AIza"

    def v_openai(self):
        r = self.rng.random()
        if r < 0.35:
            return "sk-" + self.chars(ALNUM, 20) + "T3BlbkFJ" + self.chars(ALNUM, 20), "sk-legacy"
        if r < 0.85:
            return ("sk-proj-" + self.chars(URLSAFE, 74) + "T3BlbkFJ" + self.chars(URLSAFE, 73)
                    + self.rng.choice(ALNUM)), "sk-proj"
        return ("sk-svcacct-" + self.chars(URLSAFE, 74) + "T3BlbkFJ" + self.chars(URLSAFE, 73)
                + self.rng.choice(ALNUM)), "sk-svcacct"

    def v_anthropic(self):
        return "sk-ant-api03-" + self.chars(URLSAFE, 93) + "AA", "sk-ant-api03"

    def v_private_key(self):
        kind = self.rng.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY",
                                "ENCRYPTED PRIVATE KEY"])
        nbytes = {"RSA PRIVATE KEY": 1190, "PRIVATE KEY": 1216, "EC PRIVATE KEY": 121,
                  "OPENSSH PRIVATE KEY": 400, "ENCRYPTED PRIVATE KEY": 1298}[kind]
        head = {"RSA PRIVATE KEY": b"\x30\x82\x04\xa4\x02\x01\x00\x02\x82\x01\x01\x00",
                "PRIVATE KEY": b"\x30\x82\x04\xbc\x02\x01\x00\x30\x0d\x06\x09\x2a\x86\x48\x86\xf7",
                "EC PRIVATE KEY": b"\x30\x77\x02\x01\x01\x04\x20",
                "OPENSSH PRIVATE KEY": b"openssh-key-v1\x00",
                "ENCRYPTED PRIVATE KEY": b"\x30\x82\x05\x0e\x30\x40\x06\x09\x2a\x86\x48\x86\xf7"}[kind]
        body = head + bytes(self.rng.randrange(256) for _ in range(nbytes - len(head)))
        b64 = base64.b64encode(body).decode()
        lines = [b64[i:i + (70 if "OPENSSH" in kind else 64)] for i in range(0, len(b64), 70 if "OPENSSH" in kind
                                                                             else 64)]
        return f"-----BEGIN {kind}-----\n" + "\n".join(lines) + f"\n-----END {kind}-----", kind.lower()

    def v_public_pem(self):
        kind = self.rng.choice(["PUBLIC KEY", "CERTIFICATE", "RSA PUBLIC KEY"])
        body = bytes(self.rng.randrange(256) for _ in range(self.rng.choice([294, 270, 600])))
        b64 = base64.b64encode(b"\x30\x82\x01\x22" + body).decode()
        lines = [b64[i:i + 64] for i in range(0, len(b64), 64)]
        return f"-----BEGIN {kind}-----\n" + "\n".join(lines) + f"\n-----END {kind}-----", kind.lower()

    def v_jwt(self):
        alg = self.rng.choice(["HS256", "HS256", "RS256", "ES256", "HS512"])
        header = self.rng.choice([{"alg": alg, "typ": "JWT"}, {"typ": "JWT", "alg": alg},
                                  {"alg": alg, "kid": self.chars(ALNUM, 16), "typ": "JWT"}])
        loc, f = self.fk()
        iat = 1600000000 + self.rng.randrange(200000000)
        payload = {"sub": str(self.rng.randrange(10 ** 9)), "name": f.name(), "iat": iat, "exp": iat + 3600}
        if self.rng.random() < 0.4:
            payload["email"] = f.email(safe=False)
        siglen = {"HS256": 32, "HS512": 64, "RS256": 256, "ES256": 64}[alg]
        sig = bytes(self.rng.randrange(256) for _ in range(siglen))
        tok = (b64url(json.dumps(header, separators=(",", ":")).encode()) + "."
               + b64url(json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()) + "." + b64url(sig))
        return tok, alg

    def v_jwt_noalg(self):
        header = self.rng.choice([{"typ": "JWT"}, {"foo": "bar"}, {"kid": self.chars(ALNUM, 8)}])
        payload = {"id": self.rng.randrange(10 ** 6), "scope": "read"}
        tok = (b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(payload).encode()) + "."
               + b64url(bytes(self.rng.randrange(256) for _ in range(32))))
        return tok, "no-alg-header"

    def v_high_entropy(self):
        r = self.rng.random()
        if r < 0.55:
            return self.chars(ALNUM + "!#%&*-_=+.^", self.rng.randrange(16, 41)), "mixed"
        if r < 0.75:
            return base64.b64encode(bytes(self.rng.randrange(256) for _ in range(32))).decode(), "base64-32"
        if r < 0.9:
            return self.chars("abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)", 50), "django-secret-key"
        return self.chars(HEX, self.rng.choice([32, 48, 64])), "hex"

    # --- items: a sentence (or a few lines) with one or more entities ---------------------------------

    def _item_table(self):
        P, I, N = "positive", "info", "negative"
        return [
            # weight, type, class, function
            (8.0, "pii/email", P, lambda n: self._simple("email", self.v_email, "pii/email", P, n)),
            (3.0, "pii/email", I, lambda n: self._simple("email", self.v_email_info, "pii/email", I, n)),
            (10.0, "pii/phone", P, lambda n: self._simple("phone", self.v_phone, "pii/phone", P, n)),
            (2.5, "pii/phone", I, lambda n: self._simple("phone", self.v_phone_info, "pii/phone", I, n)),
            (6.0, "pii/payment-card", P, lambda n: self._simple("card", self.v_card, "pii/payment-card", P, n)),
            (1.5, "pii/payment-card", I, lambda n: self._simple("card", self.v_card_info, "pii/payment-card", I,
                                                                  n)),
            (5.0, "pii/iban", P, lambda n: self._simple("iban", self.v_iban, "pii/iban", P, n)),
            (4.0, "pii/ssn", P, lambda n: self._simple("ssn", self.v_ssn, "pii/ssn", P, n)),
            (6.0, "pii/ip-address", P, lambda n: self._simple("ip", self.v_ip, "pii/ip-address", P, n)),
            (4.0, "pii/ip-address", I, lambda n: self._simple("ip", self.v_ip_info, "pii/ip-address", I, n)),
            (3.0, "pii/mac-address", P, lambda n: self._simple("mac", self.v_mac, "pii/mac-address", P, n)),
            (3.0, "pii/url-credentials", P, self.i_urlcred),
            (3.0, "pii/date-of-birth", P, lambda n: self._simple("dob", self.v_dob, "pii/date-of-birth", P, n)),
            (2.5, "secret/aws-access-key", P, self.i_aws),
            (2.0, "secret/github-token", P, lambda n: self._secret(self.v_github, "secret/github-token", n)),
            (1.5, "secret/gitlab-token", P, lambda n: self._secret(self.v_gitlab, "secret/gitlab-token", n)),
            (1.5, "secret/slack-token", P, lambda n: self._secret(self.v_slack, "secret/slack-token", n)),
            (1.5, "secret/stripe-key", P, lambda n: self._secret(self.v_stripe, "secret/stripe-key", n)),
            (0.8, "secret/stripe-key", I, lambda n: self._secret(self.v_stripe_info, "secret/stripe-key", n,
                                                                  cls=I)),
            (1.5, "secret/google-api-key", P, lambda n: self._secret(self.v_google, "secret/google-api-key", n)),
            (2.0, "secret/openai-key", P, lambda n: self._secret(self.v_openai, "secret/openai-key", n)),
            (1.5, "secret/anthropic-key", P, lambda n: self._secret(self.v_anthropic, "secret/anthropic-key", n)),
            (1.5, "secret/private-key", P, self.i_private_key),
            (2.0, "secret/jwt", P, lambda n: self._secret(self.v_jwt, "secret/jwt", n)),
            (0.5, "secret/jwt", I, self.i_jwt_info),
            (0.5, "secret/aws-access-key", I, self.i_aws_info),
            (3.0, "secret/high-entropy", P, self.i_high_entropy),
            # hard negatives
            (3.0, "pii/phone", N, self.n_order),
            (3.0, "pii/phone", N, self.n_tracking),
            (3.0, "pii/phone", N, self.n_isbn),
            (2.5, "secret/high-entropy", N, self.n_uuid),
            (3.0, "pii/phone", N, self.n_timestamp),
            (3.0, "pii/ip-address", N, self.n_version),
            (2.5, "pii/phone", N, self.n_arithmetic),
            (3.0, "secret/high-entropy", N, self.n_code_hash),
            (2.5, "pii/phone", N, self.n_serial),
            (2.0, "pii/payment-card", N, lambda n: self._simple("card", self.v_card_invalid, "pii/payment-card",
                                                                  N, n)),
            (2.0, "pii/iban", N, lambda n: self._simple("iban", self.v_iban_invalid, "pii/iban", N, n)),
            (1.2, "pii/ssn", N, lambda n: self._simple("ssn", self.v_ssn_invalid, "pii/ssn", N, n)),
            (1.5, "pii/email", N, self.n_email_like),
            (1.0, "pii/mac-address", N, self.n_fingerprint),
            (0.8, "secret/high-entropy", N, self.n_data_uri),
            (0.8, "secret/jwt", N, lambda n: self._simple(JWT_NOALG_TEMPLATES, self.v_jwt_noalg, "secret/jwt", N,
                                                            n)),
            (2.0, "secret/high-entropy", N, self.n_placeholder),
            (1.0, "secret/private-key", N, self.n_public_pem),
            (2.0, "pii/phone", N, self.n_big_number),
            (1.0, "pii/ip-address", N, self.n_coordinates),
            (1.0, "pii/url-credentials", N, self.n_url_no_password),
            (1.5, "pii/date-of-birth", N, self.n_date),
        ]

    def pick_item(self):
        weights = [w for w, *_ in self.items]
        return self.rng.choices(self.items, weights=weights)[0]

    def _garnish(self, s):
        r = self.rng.random()
        if r < 0.25:
            return self.rng.choice(GARNISH) + " " + s
        if r < 0.35:
            return 'She wrote: "' + s + '"'
        return s

    def _simple(self, key, valuefn, etype, cls, nested):
        text, cat = valuefn()
        x = self.ent(text, etype, cls, cat, nested=nested)
        return self._garnish(self.sentence(key, x))

    def _secret(self, valuefn, etype, nested, cls="positive"):
        text, cat = valuefn()
        x = self.ent(text, etype, cls, cat, nested=nested)
        pool = T["secret"] + VENDOR_TEMPLATES.get(etype, []) * 2
        return self._garnish(self.sentence(pool, x))

    def i_aws(self, nested):
        kid, _ = self.v_aws_id()
        sec, _ = self.v_aws_secret()
        if self.rng.random() < 0.25:
            a = self.ent(kid, "secret/aws-access-key", "positive", "akia", nested=nested)
            return self.sentence(["My access key id is {x}, is it still active?", "aws_access_key_id={x}"], a)
        a = self.ent(kid, "secret/aws-access-key", "positive", "akia", nested=nested)
        b = self.ent(sec, "secret/aws-secret-key", "positive", "secret-access-key", nested=nested)
        tpl = self.rng.choice([
            "[default]\naws_access_key_id = {a}\naws_secret_access_key = {b}\nregion = eu-west-1",
            "AWS_ACCESS_KEY_ID={a} AWS_SECRET_ACCESS_KEY={b} aws s3 ls",
            "s3 = boto3.client('s3', aws_access_key_id='{a}', aws_secret_access_key='{b}')",
            "Here are the creds: access key {a}, secret access key {b}.",
        ])
        return tpl.replace("{a}", a).replace("{b}", b)

    def i_aws_info(self, nested):
        a = self.ent("AKIAIOSFODNN7EXAMPLE", "secret/aws-access-key", "info", "aws-docs-example", nested=nested)
        b = self.ent("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "secret/aws-secret-key", "info",
                     "aws-docs-example", nested=nested)
        return f"The docs use aws_access_key_id = {a} and aws_secret_access_key = {b} as examples."

    def i_jwt_info(self, nested):
        tok = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0Ijox"
               "NTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")
        x = self.ent(tok, "secret/jwt", "info", "jwt.io-sample", nested=nested)
        return f"The jwt.io debugger shows {x} by default."

    def i_private_key(self, nested):
        text, cat = self.v_private_key()
        x = self.ent(text, "secret/private-key", "positive", cat, nested=nested)
        tpl = self.rng.choice(["Here is the key file:\n{x}\nWhy does ssh say invalid format?",
                               "cat ~/.ssh/id_rsa\n{x}", "```\n{x}\n```\nIs this key encrypted?",
                               "Voici la clé :\n{x}"])
        return tpl.replace("{x}", x)

    def i_high_entropy(self, nested):
        text, cat = self.v_high_entropy()
        x = self.ent(text, "secret/high-entropy", "positive", cat, nested=nested)
        return self.sentence(HIGH_ENTROPY_TEMPLATES, x)

    # negatives -------------------------------------------------------------------------------------

    def _neg(self, text, etype, cat, templates, nested):
        x = self.ent(text, etype, "negative", cat, nested=nested)
        return self._garnish(self.sentence(templates, x))

    def n_order(self, nested):
        r = self.rng.random()
        if r < 0.3:
            v, cat = (f"{self.rng.randrange(100, 999)}-{self.rng.randrange(10 ** 6, 10 ** 7)}-"
                      f"{self.rng.randrange(10 ** 6, 10 ** 7)}"), "order-3-7-7"
        elif r < 0.55:
            v, cat = f"ORD-{self.rng.randrange(2019, 2026)}-{self.rng.randrange(10 ** 5, 10 ** 6)}", "order-prefixed"
        elif r < 0.8:
            v, cat = str(self.rng.randrange(10 ** 9, 10 ** 10)), "order-10-digit"
        else:
            v, cat = f"{self.rng.randrange(2019, 2026)}-{self.rng.randrange(10 ** 6):06d}", "invoice"
        return self._neg(v, "pii/phone", cat, ["Your order #{x} has shipped.", "Order number: {x}",
                                               "Bestellnummer {x}", "Commande n° {x}", "订单号：{x}",
                                               "Invoice {x} is overdue.", "注文番号 {x} を確認しました。"], nested)

    def n_tracking(self, nested):
        r = self.rng.random()
        if r < 0.3:
            v, cat = "1Z" + self.chars(string.ascii_uppercase + string.digits, 16), "ups"
        elif r < 0.55:
            d = "94" + self.chars(string.digits, 20)
            v, cat = " ".join(d[i:i + 4] for i in range(0, 22, 4)), "usps-22"
        elif r < 0.8:
            v, cat = self.chars(string.digits, 12), "fedex-12"
            if self.rng.random() < 0.5:
                v = f"{v[:4]} {v[4:8]} {v[8:]}"
        else:
            v, cat = self.chars("123456789", 1) + self.chars(string.digits, 9), "dhl-10"
        return self._neg(v, "pii/phone", cat, ["Tracking number: {x}", "The parcel {x} is out for delivery.",
                                               "Sendungsnummer {x}", "Numéro de suivi : {x}",
                                               "DHL tracking number {x}"], nested)

    def n_isbn(self, nested):
        f = self.fakers["en_US"]
        r = self.rng.random()
        if r < 0.4:
            v, cat = f.isbn13(), "isbn13"
        elif r < 0.7:
            v, cat = f.isbn10(), "isbn10"
        else:
            v, cat = f.isbn13().replace("-", ""), "isbn13-compact"
        return self._neg(v, "pii/phone", cat, ["ISBN {x}", "The book (ISBN: {x}) is out of print.",
                                               "Cite it as ISBN {x}.", "isbn = \"{x}\""], nested)

    def n_uuid(self, nested):
        v = self.fakers["en_US"].uuid4()
        if self.rng.random() < 0.2:
            v = v.upper()
        return self._neg(v, "secret/high-entropy", "uuid", ["request id {x}", "trace_id={x}",
                                                            "Job {x} finished.", '"user_id": "{x}"'], nested)

    def n_timestamp(self, nested):
        ts = 1500000000 + self.rng.randrange(300000000)
        dt = datetime.datetime.fromtimestamp(ts, datetime.timezone.utc)
        r = self.rng.random()
        if r < 0.3:
            v, cat = dt.strftime("%Y-%m-%dT%H:%M:%SZ"), "iso8601"
        elif r < 0.55:
            v, cat = str(ts), "unix-seconds"
        elif r < 0.75:
            v, cat = str(ts * 1000 + self.rng.randrange(1000)), "unix-millis"
        elif r < 0.9:
            v, cat = dt.strftime("%Y-%m-%d %H:%M:%S.") + f"{self.rng.randrange(10 ** 6):06d}", "datetime-micros"
        else:
            v, cat = dt.strftime("%Y%m%d%H%M%S"), "compact-datetime"
        return self._neg(v, "pii/phone", cat, ["created_at: {x}", "[{x}] INFO worker started",
                                               "The event fired at {x}.", '"timestamp": {x}'], nested)

    def n_version(self, nested):
        r = self.rng.random()
        rr = self.rng.randrange
        if r < 0.4:
            v, cat = f"{rr(1, 12)}.{rr(0, 30)}.{rr(0, 20)}.{rr(0, 200)}", "version-4-part"
        elif r < 0.6:
            v, cat = f"{rr(90, 130)}.0.{rr(4000, 7000)}.{rr(10, 250)}", "browser-version"
        elif r < 0.75:
            v, cat = f"10.0.{rr(17000, 26000)}.{rr(100, 4000)}", "windows-build"
        elif r < 0.9:
            v, cat = f"1.3.6.1.4.1.{rr(100, 60000)}.{rr(1, 50)}", "oid"
        else:
            v, cat = f"v{rr(0, 5)}.{rr(0, 30)}.{rr(0, 20)}", "semver"
        return self._neg(v, "pii/ip-address", cat, ["Upgrade to version {x} first.", "Running build {x}.",
                                                    "Chrome {x} crashes on start.", "OID {x}",
                                                    "Requires {x} or later."], nested)

    def n_arithmetic(self, nested):
        a, b = self.rng.randrange(10, 99999), self.rng.randrange(10, 9999)
        op = self.rng.choice(["*", "+", "-"])
        res = {"*": a * b, "+": a + b, "-": a - b}[op]
        v = f"{a} {op} {b} = {res}"
        return self._neg(v, "pii/phone", "arithmetic", ["So {x}.", "Check: {x}", "Step 2: {x}",
                                                        "Die Rechnung ergibt {x}."], nested)

    def n_code_hash(self, nested):
        f = self.fakers["en_US"]
        cat = self.rng.choice(list(CODE_SNIPPETS_NEG))
        if cat == "git-sha":
            v = f.sha1() if self.rng.random() < 0.7 else f.sha1()[:7]
        elif cat == "sha256":
            v = f.sha256()
        elif cat == "md5":
            v = f.md5()
        elif cat == "hex-constant":
            v = "0x" + self.chars("0123456789ABCDEF", self.rng.choice([4, 8, 8, 16]))
        elif cat == "docker-digest":
            v = "sha256:" + f.sha256()
        else:
            v = "sha512-" + base64.b64encode(bytes(self.rng.randrange(256) for _ in range(64))).decode()
        return self._neg(v, "secret/high-entropy", cat, CODE_SNIPPETS_NEG[cat], nested)

    def n_serial(self, nested):
        d = lambda k: self.chars(string.digits, k)
        v, cat = self.rng.choice([
            (f"{d(4)}-{d(4)}-{d(4)}", "serial-4-4-4"), (f"SN{d(10)}", "serial-prefixed"),
            (f"{d(3)}-{d(4)}-{d(2)}", "part-number"), (f"{d(2)} {d(3)} {d(3)} {d(3)}", "batch-number"),
            (f"{d(5)}-{d(5)}", "serial-5-5"), (f"{d(11)}", "serial-11-digit"),
        ])
        return self._neg(v, "pii/phone", cat, ["Serial No. {x}", "S/N: {x}", "Part {x} is back-ordered.",
                                               "Lot {x} was recalled.", "Seriennummer: {x}",
                                               "Model XR-{x}"], nested)

    def n_email_like(self, nested):
        rr = self.rng.randrange
        v, cat = self.rng.choice([
            (f"icon@{rr(2, 4)}x.png", "retina-asset"), (f"@babel/core@7.{rr(10, 25)}.{rr(0, 9)}", "npm-scoped"),
            (f"root@web-{rr(1, 20):02d}:~$", "shell-prompt"), (f"lodash@4.17.{rr(10, 22)}", "npm-version"),
            (f"user@{rr(1, 255)}", "user-at-number"),
        ])
        return self._neg(v, "pii/email", cat, ["See {x} for the asset.", "Installed {x}.", "{x} ls -la",
                                               "Bump {x}."], nested)

    def n_fingerprint(self, nested):
        n = self.rng.choice([16, 20])
        v = ":".join(self.chars(HEX, 2) for _ in range(n))
        if n == 16:
            v, cat = "MD5:" + v, "ssh-md5-fingerprint"
        else:
            v, cat = v.upper(), "sha1-cert-fingerprint"
        return self._neg(v, "pii/mac-address", cat, ["Key fingerprint is {x}.", "Fingerprint: {x}"], nested)

    def n_data_uri(self, nested):
        body = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(self.rng.randrange(256) for _ in range(90))).decode()
        return self._neg("data:image/png;base64," + body, "secret/high-entropy", "data-uri",
                         ['<img src="{x}">', "background: url({x});"], nested)

    def n_placeholder(self, nested):
        r = self.rng.random()
        if r < 0.6:
            v, cat, etype = self.rng.choice(PLACEHOLDERS), "placeholder", "secret/high-entropy"
            return self._neg(v, etype, cat, ['password = "{x}"', "DB_PASSWORD={x}", "api_key: {x}"], nested)
        v, etype = self.rng.choice([
            ("ghp_" + "X" * 36, "secret/github-token"), ("sk-" + "x" * 48, "secret/openai-key"),
            ("AKIA" + "X" * 16, "secret/aws-access-key"), ("sk_live_" + "x" * 24, "secret/stripe-key"),
            ("xoxb-your-token-here", "secret/slack-token"), ("sk-ant-api03-" + "X" * 95, "secret/anthropic-key"),
            ("AIza" + "X" * 35, "secret/google-api-key"), ("glpat-" + "x" * 20, "secret/gitlab-token"),
        ])
        return self._neg(v, etype, "vendor-placeholder", ["Replace {x} with your own key.",
                                                          "export TOKEN={x}  # placeholder"], nested)

    def n_public_pem(self, nested):
        text, cat = self.v_public_pem()
        x = self.ent(text, "secret/private-key", "negative", cat, nested=nested)
        return "This is the public half, safe to share:\n" + x

    def n_big_number(self, nested):
        n = self.rng.randrange(10 ** 8, 10 ** 12)
        r = self.rng.random()
        if r < 0.4:
            v, cat = f"{n:,}", "thousands-commas"
        elif r < 0.6:
            v, cat = f"{n:,}".replace(",", " "), "thousands-spaces"
        elif r < 0.8:
            v, cat = f"${n:,}.{self.rng.randrange(100):02d}", "money"
        else:
            v, cat = f"{n:,}".replace(",", "."), "thousands-dots"
        return self._neg(v, "pii/phone", cat, ["Revenue reached {x} last year.", "Population: {x}",
                                               "The file is {x} bytes.", "Total: {x}"], nested)

    def n_coordinates(self, nested):
        v = f"{self.rng.uniform(-80, 80):.4f}, {self.rng.uniform(-170, 170):.4f}"
        return self._neg(v, "pii/ip-address", "coordinates", ["GPS: {x}", "Meet at {x}."], nested)

    def n_url_no_password(self, nested):
        loc, f = self.fk()
        v = self.rng.choice([f"https://{f.user_name()}@{f.domain_name()}/repo.git",
                             f"ssh://git@{f.domain_name()}/team/project.git",
                             f"postgres://${{DB_USER}}:${{DB_PASS}}@{f.domain_name()}:5432/app",
                             f"https://{f.domain_name()}/login?next=/account"])
        return self._neg(v, "pii/url-credentials", "url-without-password", ["Clone {x}", "URL: {x}"], nested)

    def n_date(self, nested):
        loc, f = self.fk()
        d = f.date_between(start_date="-3y", end_date="+1y")
        v = d.strftime(self.rng.choice(["%d/%m/%Y", "%B %d, %Y", "%Y-%m-%d", "%d.%m.%Y"]))
        return self._neg(v, "pii/date-of-birth", "non-birth-date", ["The meeting is on {x}.",
                                                                     "Delivery expected {x}.",
                                                                     "Der Termin ist am {x}."], nested)

    # --- records ----------------------------------------------------------------------------------

    def filler(self, lang=None):
        loc = self.rng.choice(LOCALES)
        lang = lang or LOCALE_LANG[loc]
        parts = [self.rng.choice(OPENERS.get(lang, OPENERS["en"]))]
        if self.rng.random() < 0.6:
            parts.append(self.fakers[loc].sentence(nb_words=self.rng.randrange(5, 14)))
        if self.rng.random() < 0.2:
            parts.append(self.rng.choice(GARNISH))
        return " ".join(parts)

    def para(self, items):
        """Join filler and item sentences into one message text, with varied separators."""
        chunks = [self.filler()] if self.rng.random() < 0.75 else []
        for it in items:
            chunks.append(it)
            if self.rng.random() < 0.3:
                chunks.append(self.fakers[self.rng.choice(LOCALES)].sentence(nb_words=8))
        if not chunks:
            chunks = [self.filler()]
        out = chunks[0]
        for c in chunks[1:]:
            out += self.rng.choice([" ", " ", "\n", "\n\n", "\n- ", "\t"]) + c
        return out

    def reply(self):
        s = self.rng.choice(REPLIES)
        if self.rng.random() < 0.5:
            s += " " + self.fakers[self.rng.choice(LOCALES)].sentence(nb_words=10)
        return self.lengthen(s)

    def lengthen(self, s):
        """Assistant answers are longer: add paragraphs of prose and sometimes a (clean) code block."""
        r = self.rng.random()
        if r < 0.55:
            f = self.fakers[self.rng.choice(LOCALES)]
            for _ in range(self.rng.randrange(1, 4)):
                s += "\n\n" + f.paragraph(nb_sentences=self.rng.randrange(2, 7))
        if self.rng.random() < 0.2:
            s += "\n\n" + self.rng.choice(CLEAN_CODE)
        return s

    def tool_call(self):
        """A tool call whose arguments (a JSON string) carry an entity; returns (call, tool result text)."""
        call_id = "call_" + self.chars(ALNUM, 24)
        cid = self.ent(call_id, "secret/high-entropy", "negative", "tool-call-id")
        kind = self.rng.random()
        if kind < 0.3:
            text, cat = self.v_email()
            args = {"to": self.ent(text, "pii/email", "positive", cat, nested=True), "subject": "Re: " + self.rng.choice(TOPICS),
                    "body": self.filler()}
            name = "send_email"
        elif kind < 0.5:
            text, cat = self.v_phone()
            args = {"phone": self.ent(text, "pii/phone", "positive", cat, nested=True),
                    "message": self.filler()}
            name = "send_sms"
        elif kind < 0.62:
            text, cat = self.v_card()
            args = {"card_number": self.ent(text, "pii/payment-card", "positive", cat, nested=True),
                    "amount": self.rng.randrange(5, 500), "currency": self.rng.choice(["EUR", "USD", "JPY"])}
            name = "charge_card"
        elif kind < 0.72:
            text, cat = self.v_iban()
            args = {"iban": self.ent(text, "pii/iban", "positive", cat, nested=True), "amount": self.rng.randrange(5, 5000)}
            name = "refund"
        elif kind < 0.8:
            text, cat = self.v_ip()
            args = {"ip": self.ent(text, "pii/ip-address", "positive", cat, nested=True), "action": "block"}
            name = "firewall_rule"
        elif kind < 0.9:
            fn, etype = self.rng.choice([(self.v_github, "secret/github-token"), (self.v_openai, "secret/openai-key"),
                                         (self.v_stripe, "secret/stripe-key"), (self.v_slack, "secret/slack-token")])
            text, cat = fn()
            args = {"api_key": self.ent(text, etype, "positive", cat, nested=True), "endpoint": "/v1/models"}
            name = "call_api"
        else:
            # hard negative inside arguments: an order number and a sentence
            args = {"order_id": self.ent(str(self.rng.randrange(10 ** 9, 10 ** 10)), "pii/phone", "negative",
                                         "order-10-digit", nested=True), "note": self.filler()}
            name = "lookup_order"
        call = {"id": cid, "type": "function",
                "function": {"name": name, "arguments": json.dumps(args, ensure_ascii=False)}}
        result = self.rng.choice(['{"status": "ok"}', '{"status": "queued", "eta_s": 3}', "Done.",
                                  '{"ok": true, "id": 17}'])
        return call, call_id, result

    def items_text(self, k, nested=False):
        return [self.pick_item()[3](nested) for _ in range(k)]

    def record(self):
        rng = self.rng
        k = 0 if rng.random() < 0.12 else rng.choice([1, 1, 2, 2, 3, 4])
        shape = rng.choices(["chat", "tools", "alpaca", "pref", "parts"], weights=[45, 18, 15, 12, 10])[0]
        items = self.items_text(k)
        # distribute items over slots
        def take(p):
            out = []
            while items and rng.random() < p:
                out.append(items.pop())
            return out

        if shape == "alpaca":
            rec = {"instruction": self.para(take(0.5)), "input": self.para(take(0.5)),
                   "output": self.para(items) if items else self.reply()}
            return rec
        if shape == "pref":
            prompt = self.para(take(0.5))
            chosen = self.para(take(0.6))
            rejected = self.para(items) if items else self.reply()
            if rng.random() < 0.5:
                return {"prompt": prompt, "chosen": chosen, "rejected": rejected}
            return {"prompt": [{"role": "user", "content": prompt}],
                    "chosen": [{"role": "assistant", "content": chosen}],
                    "rejected": [{"role": "assistant", "content": rejected}]}
        msgs = []
        if rng.random() < 0.4:
            sys_items = take(0.15)
            sp = rng.choice(SYSTEM_PROMPTS)
            msgs.append({"role": "system", "content": sp + (" " + " ".join(sys_items) if sys_items else "")})
        turns = rng.choice([1, 1, 2, 3])
        for t in range(turns):
            last = t == turns - 1
            u = self.para(take(0.55) if not last else take(0.5))
            if shape == "parts":
                msgs.append({"role": "user", "content": [{"type": "text", "text": u}]})
            else:
                msgs.append({"role": "user", "content": u})
            if shape == "tools" and (last or rng.random() < 0.3):
                call, call_id, result = self.tool_call()
                msgs.append({"role": "assistant", "content": None, "tool_calls": [call]})
                tcid = self.ent(call_id, "secret/high-entropy", "negative", "tool-call-id")
                msgs.append({"role": "tool", "tool_call_id": tcid, "content": result})
            a = self.lengthen(self.para(items if last else take(0.5))) if (items or rng.random() < 0.5) \
                else self.reply()
            if last:
                items.clear()
            if shape == "parts":
                msgs.append({"role": "assistant", "content": [{"type": "text", "text": a}]})
            else:
                msgs.append({"role": "assistant", "content": a})
        return {"messages": msgs}


def esc(s: str, ensure_ascii: bool) -> str:
    return json.dumps(s, ensure_ascii=ensure_ascii)[1:-1]


def encode_record(gen: Generator, rec, first_id: int, rng: random.Random):
    """JSON-encode one record, substitute the sentinels, and return (line bytes, labels)."""
    ensure_ascii = rng.random() < 0.17
    seps = (",", ":") if rng.random() < 0.35 else (", ", ": ")
    enc = json.dumps(rec, ensure_ascii=ensure_ascii, separators=seps)
    out = []
    labels = []
    pos_bytes = 0
    last = 0
    seen = set()
    for m in SENTINEL_RE.finditer(enc):
        eid = int(m.group(1))
        assert eid not in seen, "sentinel twice in a line"
        seen.add(eid)
        e = gen.entities.pop(eid)
        before = enc[last:m.start()]
        out.append(before)
        pos_bytes += len(before.encode("utf-8"))
        raw = e.text
        if e.nested:
            raw = esc(raw, False)  # tool-call arguments are encoded with ensure_ascii=False
        raw = esc(raw, ensure_ascii)
        out.append(raw)
        nb = len(raw.encode("utf-8"))
        labels.append({"start": pos_bytes, "end": pos_bytes + nb, "type": e.type, "class": e.cls,
                       "category": e.category, "text": e.text, "escapes": 2 if e.nested else 1, "id": eid})
        pos_bytes += nb
        last = m.end()
    out.append(enc[last:])
    line = "".join(out).encode("utf-8")
    expected = set(range(first_id, gen.next_id))
    assert seen == expected, f"sentinels lost: {sorted(expected - seen)}"
    # verify
    json.loads(line)
    for lab in labels:
        s = line[lab["start"]:lab["end"]].decode("utf-8")
        for _ in range(lab["escapes"]):
            s = json.loads('"' + s + '"')
        assert s == lab["text"], (s, lab["text"])
    return line, labels


def parse_size(s: str) -> int:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMG]?B?)", s.strip().upper())
    if not m:
        raise argparse.ArgumentTypeError(f"bad size {s!r}")
    mult = {"": 1, "B": 1, "K": 10 ** 3, "KB": 10 ** 3, "M": 10 ** 6, "MB": 10 ** 6, "G": 10 ** 9, "GB": 10 ** 9}
    return int(float(m.group(1)) * mult[m.group(2)])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=10000, help="number of records (default 10000)")
    ap.add_argument("--size", type=parse_size, help="instead of --records: write records until the file has at "
                                                    "least this many bytes (e.g. 100MB)")
    ap.add_argument("--seed", type=int, default=20260101, help="random seed (default 20260101)")
    ap.add_argument("--out", default=DEFAULT_OUT, help=f"output JSONL (default {os.path.relpath(DEFAULT_OUT)})")
    ap.add_argument("--no-labels", action="store_true", help="do not write OUT.labels.jsonl (speed files)")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    gen = Generator(args.seed)
    rng = random.Random(args.seed ^ 0x5EED)
    t0 = time.time()
    counts = {}
    nbytes = 0
    nrec = 0
    labels_path = args.out + ".labels.jsonl"
    tmp_out, tmp_lab = args.out + ".tmp", labels_path + ".tmp"
    with open(tmp_out, "wb") as fo, (open(os.devnull, "w") if args.no_labels else
                                     open(tmp_lab, "w", encoding="utf-8")) as fl:
        while (nbytes < args.size) if args.size else (nrec < args.records):
            first = gen.next_id
            rec = gen.record()
            line, labels = encode_record(gen, rec, first, rng)
            nrec += 1
            fo.write(line + b"\n")
            nbytes += len(line) + 1
            for lab in labels:
                lab = {"line": nrec, **lab, "column": lab["start"] + 1, "endColumn": lab["end"] + 1}
                key = f'{lab["type"]}\t{lab["class"]}\t{lab["category"]}'
                counts[key] = counts.get(key, 0) + 1
                fl.write(json.dumps(lab, ensure_ascii=False) + "\n")
            if not args.quiet and nrec % 20000 == 0:
                print(f"  {nrec} records, {nbytes / 1e6:.1f} MB, {time.time() - t0:.0f} s", file=sys.stderr)
    os.replace(tmp_out, args.out)
    if not args.no_labels:
        os.replace(tmp_lab, labels_path)
    meta = {"generator": "bench/pii/build_eval_set.py", "version": GENERATOR_VERSION, "seed": args.seed,
            "faker": faker.VERSION, "phonenumbers": pn.__version__, "python": sys.version.split()[0],
            "records": nrec, "bytes": nbytes, "labels": None if args.no_labels else os.path.basename(labels_path),
            "counts": {k: counts[k] for k in sorted(counts)}}
    with open(args.out + ".meta.json", "w", encoding="utf-8") as fm:
        json.dump(meta, fm, indent=1, ensure_ascii=False)
    if not args.quiet:
        by = {}
        for k, v in counts.items():
            t, c, _ = k.split("\t")
            by[(t, c)] = by.get((t, c), 0) + v
        print(f"wrote {args.out}: {nrec} records, {nbytes / 1e6:.2f} MB, {sum(counts.values())} labels "
              f"in {time.time() - t0:.1f} s", file=sys.stderr)
        for (t, c), v in sorted(by.items()):
            print(f"  {t:28s} {c:9s} {v}", file=sys.stderr)


if __name__ == "__main__":
    main()
