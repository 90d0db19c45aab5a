#!/usr/bin/env python3
"""Generate a chat dataset (JSONL, OpenAI `messages` records) with planted near-duplicate groups,
deterministically, for the dedup benchmark.

Background records are conversations (an optional system prompt, then one to three user/assistant
exchanges, about 1.8 KB a record) written from a pool of sentences composed from template frames with
several word slots each (nouns, verbs, adjectives, names, places, numbers, technical terms), so unrelated
records share almost no 5-word run and are far apart (Jaccard well under 0.2); boilerplate still
recurs, as in real data: system prompts are shared by many records, and each pool sentence appears in
about 25 records per million sentences drawn.

Planted groups (about 1% of the records are the base of a group, so about 3% of the records are planted):
a base record and one to several copies of it, each placed at a random line of the file (anywhere, before
or after the base), each one of:

  - exact: the same line, byte for byte;
  - format: the same text, re-serialised with other JSON spacing, with the case of some words changed and
    some white space doubled or turned into newlines (Jaccard 1 after normalisation);
  - sub / del / ins: word substitutions, deletions or insertions at random places;
  - reorder: sentences moved within a paragraph and paragraphs swapped (then word edits if that is not
    enough to reach the target);
  - trunc: the end of the last answer cut off sentence by sentence (then word edits if needed);
  - mixed: all of the word and sentence edits together.

Edited copies aim at a target Jaccard with the base drawn uniformly from [0.5, 1.0); edits are applied
until the copy's exact Jaccard with the base (5-word shingles of the normalised text, textsim.py) is at
or below the target. The sidecar FILE.planted.json lists every group: the base's line, and for each copy
its line, kind, target and exact Jaccard with the base. (Copies of the same base may be similar to each
other, above or below the threshold; run.py computes every pair's Jaccard itself and does not rely on
the sidecar for the truth.)

Text is ASCII, so that Python's and datalint's Unicode normalisation and white space agree trivially.
The same seed and record count always give the same bytes (independent of PYTHONHASHSEED).

Examples:
    python3 bench/dedup/make_dataset.py --records 100000 --out bench/data/dedup-100k.jsonl
    python3 bench/dedup/make_dataset.py --records 2000 --seed 3 --out /tmp/dedup-2k.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import textsim  # noqa: E402

GENERATOR_VERSION = 1
POOL_SENTENCES = 400_000
GROUP_RATE = 0.01  # groups per record

# --------------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------------

NOUNS = """
account address agent algorithm allocation analysis answer api application approach archive argument array
assignment attribute audit backend backup balance bandwidth batch benchmark binary bit block body bottleneck
boundary branch bridge browser bucket budget buffer bug build bundle button byte cache calendar call camera
campaign candidate capacity card carrier case catalog category certificate chain channel chapter character chart
checkpoint checksum child circuit class client cluster code collection column command comment commit community
compiler component condition configuration connection console constant constraint container content context
contract controller conversion cookie copy core counter coupon course credential customer cycle dashboard data
database dataset date deadline debt decision decoder default definition delay delivery dependency deployment
design detail device diagram dictionary directory discount disk display document domain draft driver duration
editor element email employee encoder endpoint engine entry environment error estimate event exception exchange
experiment export expression extension factor feature field figure file filter flag folder font form format
formula fragment frame framework function gateway generator gradient graph grid group guide handler hardware
header heap histogram history host hypothesis icon identifier image import incident index input instance
integer interface interval inventory invoice issue item iteration job journal kernel key keyboard label language
laptop layer layout lease ledger library license limit line link list loader lock log loop machine manifest
map margin market matrix measure memory menu merchant message method metric migration model module monitor
network node notebook notification object offset operator option order output owner package page panel
parameter parser partition password patch path pattern payload payment peak permission phase pipeline pixel
plan platform plugin pointer policy pool port portfolio post predicate prediction prefix price printer priority
procedure process processor product profile program project prompt property protocol provider proxy query queue
quota range rate ratio reader receipt record recipe reference region registry release replica report repository
request resource response result review revision risk role route router row rule runtime sample scanner schedule
schema scope score screen script search secret section segment selector sensor sequence server service session
setting shard sheet shell signal signature simulation site size slot snapshot socket source spreadsheet stack
stage statement station status step storage strategy stream string structure student subscription suffix summary
supplier survey switch symbol syntax system table tag target task team template tenant terminal test thread
threshold ticket timeline timer token tool topic total trace tracker transaction transfer tree trigger tuple
type unit update upload user utility validator value variable vector vendor version video view volume
warehouse warning webhook widget window worker workflow workload workspace zone
harvest garden river mountain kitchen recipe oven flour lemon pepper garlic onion tomato sauce noodle rice bean
bicycle train airport ticket museum beach island valley forest village harbor castle bridge festival market
violin guitar novel poem painting sculpture theater concert album chorus lyric melody rhythm canvas gallery
planet comet galaxy telescope molecule protein enzyme cell virus vaccine fossil glacier volcano climate ocean
""".split()

VERBS = """
accept adjust allocate analyze append apply archive assign attach audit balance batch build cache calculate
cancel capture change check clean clear clone close collect combine commit compare compile compress compute
configure confirm connect convert copy count create debug decode define delete deploy describe design detect
disable discard display divide document download draft drop edit enable encode encrypt estimate evaluate
examine execute expand export extend extract fetch filter find fix flatten flush format generate group handle
hash highlight identify ignore import improve include increase index initialize inspect install integrate
invert invoke isolate join keep label launch limit list load locate lock log maintain manage map measure
merge migrate mirror modify monitor move normalize notify observe open optimize order organize parse patch
pause persist plan plot poll predict prepare preserve print prioritize process profile publish pull push
query rank read rebuild receive record recover reduce refactor refresh register reject release reload remove
rename render reorder repair repeat replace report request reset resize resolve restore retry return reuse
review revise rotate route run sample save scale scan schedule score search select send serialize ship
simplify skip sort split start stop store stream submit summarize support suspend swap sync tag test throttle
trace track train transfer transform translate trim truncate tune unlock update upgrade upload validate
verify visualize wait watch wrap write bake boil chop stir roast simmer season whisk knead slice visit explore
hike paint sketch compose rehearse measure observe harvest plant water prune
""".split()

ADJECTIVES = """
active additional adjacent affordable aggressive alternative ambiguous ancient annual anonymous approximate
arbitrary asynchronous automatic available average basic binary brief broad broken busy careful central cheap
clean clear close cold common compact complete complex concurrent consistent constant correct costly critical
crude current custom daily dedicated deep default dense detailed different direct dirty distinct distributed
dynamic early efficient elegant empty encrypted entire equal essential exact excessive existing expensive
explicit external extra fair familiar fast final fixed flat flexible foreign formal fragile free frequent
fresh full functional general generic global good gradual green hard heavy hidden high huge ideal idle
immutable implicit important incomplete incorrect independent indirect initial inner internal invalid large
late latest lazy legacy light linear literal local logical long loose low main major manual maximum mean
minimal minor missing mobile modern modest monthly multiple mutable narrow native natural nested new next
noisy normal obvious odd offline old online open optional ordinary original outer parallel partial permanent
persistent plain popular portable positive practical precise previous primary private public quick quiet
random rare raw readable recent redundant regular relative reliable remote repeated robust rough safe scalable
secondary secure sequential serial shallow shared short simple single slow small smooth soft solid sparse
special specific stable stale static steady strict strong subtle sudden sufficient suitable temporary thin
tiny total transparent tricky typical unique unknown unusual upper urgent useful valid verbose virtual visible
volatile warm weak weekly whole wide wrong yearly crisp spicy sweet bitter savory golden rustic scenic quiet
coastal alpine tropical rainy sunny windy ancient medieval baroque acoustic vivid subtle bold
""".split()

ADVERBS = """
quickly slowly carefully rarely often usually always never sometimes eventually immediately gradually
roughly exactly nearly mostly partly fully simply directly quietly explicitly implicitly safely reliably
efficiently lazily eagerly manually automatically frequently occasionally briefly clearly probably certainly
""".split()

NAMES = """
Alice Bob Carol Dave Erin Frank Grace Heidi Ivan Judy Karl Liam Mona Nina Oscar Priya Quinn Rosa Sam Tara
Uma Victor Wendy Xavier Yara Zane Amir Bella Chen Diego Elena Farid Greta Hugo Ines Jonas Kenji Lena Marco
Noor Olga Pavel Rhea Sofia Tomas Ugo Vera Wei Yusuf Zara Aiko Bruno Clara Dmitri Emil Fatima Gustav Hana
""".split()

PLACES = """
Paris Tokyo Lisbon Zurich Oslo Krakow Montreal Seoul Lagos Bengaluru Berlin Nairobi Melbourne Hanoi Cordoba
Dublin Vienna Prague Madrid Boston Denver Austin Chicago Toronto Vancouver Lima Bogota Quito Santiago Cairo
Istanbul Athens Helsinki Riga Tallinn Vilnius Porto Seville Naples Turin Lyon Marseille Hamburg Munich Geneva
Osaka Kyoto Busan Manila Jakarta Sydney Auckland Perth Accra Dakar Tunis Casablanca Reykjavik Bergen Gdansk
""".split()

TECH = """
Python Rust Go Swift Kotlin Java TypeScript JavaScript SQL Bash Ruby Haskell Scala Elixir Julia Lua Perl Zig
PostgreSQL MySQL SQLite Redis Kafka Spark Hadoop Docker Kubernetes Terraform Ansible Nginx Linux macOS Windows
Git GitHub React Django Flask FastAPI Rails Spring Pandas NumPy PyTorch TensorFlow JAX Excel Jupyter Vim Emacs
""".split()

# Template frames: {n} noun, {v} verb, {a} adjective, {d} adverb, {p} person, {c} city, {t} technology,
# {k} number. Nearly every 5-word run includes a filled slot (two frames have a run of five fixed words).
FRAMES = """
The {a} {n} will {v} the {n} before the {n} is {a}.
If the {n} is {a}, {v} the {n} and then {v} the {n}.
{p} said the {a} {n} in {c} was {d} {a} last {n}.
You can {v} the {n} with {t}, but the {n} stays {a}.
In {t}, a {a} {n} usually needs a {a} {n} to {v} it.
We {d} {v} about {k} {n}s per {n} on the {a} {n}.
Try to {v} the {n} first; the {a} {n} depends on it.
The {n} from {c} arrived {d}, so {p} had to {v} the {n}.
A {a} {n} is {d} cheaper than a {a} {n} when you {v} it.
Before you {v} the {n}, check that the {n} is not {a}.
{p} prefers to {v} each {n} by hand instead of using {t}.
Our {n} grew to {k} {n}s after we started to {v} the {a} {n}.
Each {n} has a {a} {n}, and the {n} keeps a {a} {n} of it.
When the {n} is {a}, the {n} may {v} the {a} {n} {d}.
To {v} a {n} in {t}, call the {n} with a {a} {n}.
Most {n}s in {c} {v} the {n} {d}, according to {p}.
Set the {n} to {k} and {v} the {a} {n} again.
The {a} {n} failed {k} times, so {p} decided to {v} the {n}.
It is {a} to {v} a {n} without a {a} {n}.
Remember that the {n} can {v} the {n} only if it is {a}.
After {k} {n}s, the {a} {n} starts to {v} {d}.
{p} and {p} will {v} the {n} in {c} next {n}.
Use a {a} {n} for the {n}, and keep the {n} {a}.
This {n} lets you {v} the {n} while the {n} is {a}.
The {n} costs about {k} per {n}, which is {a} for a {a} {n}.
A {n} that is {a} cannot {v} a {a} {n}.
Why does the {a} {n} {v} the {n} when the {n} is {a}?
Ask {p} to {v} the {a} {n} before the {n} in {c}.
The {n} and the {n} both {v} the same {a} {n}.
Put the {n} in a {a} {n} and {v} it for {k} minutes.
Our {a} {n} in {c} is {d} {a}, so we {v} the {n} weekly.
{t} can {v} a {a} {n} into a {n} in {k} steps.
Keep the {n} {a} and the {n} {a}, then {v} the {n}.
The {n} was {a}, the {n} was {a}, and the {n} was {d} {a}.
Without a {n}, the {n} will {v} every {a} {n}.
I would {v} the {n} and leave the {a} {n} to {p}.
For a {a} {n}, {v} the {n} and {v} the {n} {d}.
Is a {a} {n} better than a {a} {n} for a {n} like this?
During the {n} in {c}, {p} showed how to {v} a {n}.
The {a} {n} only works if you {v} the {n} {d}.
""".strip().splitlines()

OPENERS = ["Sure, here is how to approach it.", "Good question.", "Short answer: yes, with one caveat.",
           "Happy to help.", "Let's go through it step by step.", "There are a few options.", "Absolutely.",
           "Here is a concise explanation.", "That depends on the details, but here is the usual answer."]
CLOSERS = ["Let me know if you want me to adapt this.", "Hope that helps!", "Ask if anything is unclear.",
           "Want me to add tests for this too?", "Share the full error message if it still fails."]
QUESTIONS = ["How do I {v} the {n} in {t}?", "Can you {v} this {a} {n} for me?",
             "What is the best way to {v} a {a} {n}?", "Why is my {n} so {a} after I {v} it?",
             "Could you explain how a {n} and a {n} differ?", "What should I do when the {n} is {a}?",
             "Is it safe to {v} the {n} while the {n} is {a}?", "Any tips for a trip to {c} with a {a} {n}?"]
FOLLOWUPS = ["Thanks! Could you make it shorter?", "What about a {a} {n}?", "Can you show it in {t}?",
             "Why did you {v} the {n} first?", "That worked. How do I {v} it {d}?"]


class Vocab:
    def __init__(self):
        self.slots = {"n": NOUNS, "v": VERBS, "a": ADJECTIVES, "d": ADVERBS, "p": NAMES, "c": PLACES, "t": TECH}
        self.all_words = sorted(set(NOUNS + VERBS + ADJECTIVES + ADVERBS))

    def fill(self, rng: random.Random, frame: str) -> str:
        out = []
        i = 0
        while True:
            j = frame.find("{", i)
            if j < 0:
                out.append(frame[i:])
                break
            out.append(frame[i:j])
            key = frame[j + 1]
            if key == "k":
                out.append(str(rng.randint(2, 999)))
            else:
                lst = self.slots[key]
                out.append(lst[int(rng.random() * len(lst))])
            i = j + 3
        s = "".join(out)
        return s[0].upper() + s[1:]


# --------------------------------------------------------------------------------------------------
# Records: messages with content as paragraphs of sentences (strings); rendered to JSON
# --------------------------------------------------------------------------------------------------

class Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.vocab = Vocab()
        prng = random.Random(seed * 7919 + 1)
        self.pool = [self.vocab.fill(prng, FRAMES[int(prng.random() * len(FRAMES))]) for _ in range(POOL_SENTENCES)]
        self.systems = ["You are a helpful assistant.", "You are a concise assistant. Answer in plain English.",
                        "Always answer in Markdown."]
        for _ in range(60):  # longer, shared system prompts
            self.systems.append(" ".join(self.pool[int(prng.random() * len(self.pool))]
                                         for _ in range(prng.randint(1, 4))))

    def sentences(self, n: int) -> list[str]:
        r = self.rng.random
        pool = self.pool
        m = len(pool)
        return [pool[int(r() * m)] for _ in range(n)]

    def record(self) -> list[list]:
        """A record as [[role, [[sentence, ...], ...]], ...]: messages of paragraphs of sentences."""
        rng = self.rng
        v = self.vocab
        msgs = []
        if rng.random() < 0.7:
            msgs.append(["system", [[self.systems[int(rng.random() * len(self.systems))]]]])
        turns = rng.choices((1, 2, 3), (0.55, 0.3, 0.15))[0]
        budget = rng.randint(13, 25)  # sentences in the assistant answers, shared by the turns
        for t in range(turns):
            if t == 0:
                user = [self.sentences(rng.randint(0, 3)) + [v.fill(rng, rng.choice(QUESTIONS))]]
            else:
                user = [[v.fill(rng, rng.choice(FOLLOWUPS))]]
            msgs.append(["user", user])
            share = budget // turns
            paras = []
            if rng.random() < 0.5:
                paras.append([rng.choice(OPENERS)])
            while share > 0:
                k = min(share, rng.randint(2, 5))
                paras.append(self.sentences(k))
                share -= k
            if rng.random() < 0.4:
                paras.append([rng.choice(CLOSERS)])
            msgs.append(["assistant", paras])
        return msgs


def to_words(rec) -> list:
    """[[role, [[words-of-sentence, ...], ...]], ...] (a deep copy, editable)."""
    return [[role, [[s.split(" ") for s in para] for para in paras]] for role, paras in rec]


def render_words(wrec) -> dict:
    return {"messages": [{"role": role, "content": "\n\n".join(" ".join(" ".join(w) for w in para if w)
                                                                 for para in paras if any(para))}
                         for role, paras in wrec]}


def render(rec) -> dict:
    return {"messages": [{"role": role, "content": "\n\n".join(" ".join(para) for para in paras)}
                         for role, paras in rec]}


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


# --------------------------------------------------------------------------------------------------
# Mutations
# --------------------------------------------------------------------------------------------------

KINDS = ["sub", "del", "ins", "reorder", "trunc", "mixed"]


def _sentences(wrec, roles=("user", "assistant", "system")):
    return [s for role, paras in wrec if role in roles for para in paras for s in para if s]


def _pick_sentence(rng, wrec):
    sents = _sentences(wrec)
    return rng.choices(sents, weights=[len(s) for s in sents])[0]


def _word_edit(rng, wrec, op, words):
    s = _pick_sentence(rng, wrec)
    if op == "sub":
        s[int(rng.random() * len(s))] = rng.choice(words)
    elif op == "del":
        if len(s) > 1:
            del s[int(rng.random() * len(s))]
    else:
        s.insert(int(rng.random() * (len(s) + 1)), rng.choice(words))


def _reorder(rng, wrec) -> bool:
    paras = [p for role, ps in wrec if role == "assistant" for p in ps if len(p) >= 2]
    if paras and rng.random() < 0.8:
        p = rng.choice(paras)
        i = int(rng.random() * len(p))
        s = p.pop(i)
        j = int(rng.random() * (len(p) + 1))
        if j == i:
            j = (i + 1) % (len(p) + 1)
        p.insert(j, s)
        return True
    msgs = [ps for role, ps in wrec if role == "assistant" and len(ps) >= 2]
    if msgs:
        ps = rng.choice(msgs)
        i, j = rng.sample(range(len(ps)), 2)
        ps[i], ps[j] = ps[j], ps[i]
        return True
    return False


def _truncate(rng, wrec) -> bool:
    for role, ps in reversed(wrec):
        if role != "assistant":
            continue
        total = sum(len(p) for p in ps)
        if total <= 2:
            return False
        while ps and not ps[-1]:
            ps.pop()
        ps[-1].pop()
        if not ps[-1]:
            ps.pop()
        return True
    return False


def sim_words(wrec, base_sh) -> float:
    return textsim.jaccard(textsim.shingles_of_text(textsim.compared_text_of_record(render_words(wrec))), base_sh)


def mutate(rng: random.Random, base, kind: str, target: float, words: list[str]):
    """An edited copy of base (paragraphs of sentence strings) with Jaccard <= target; returns (dict, jaccard)."""
    base_sh = textsim.shingles_of_text(textsim.compared_text_of_record(render(base)))
    m = len(base_sh)
    w = to_words(base)
    j = 1.0
    stuck = 0
    while j > target:
        # Each word edit changes about 5 shingles of m; aim below the remaining distance, then re-measure.
        need = max(1, int(m * (j - target) / 12))
        for _ in range(need):
            op = kind
            if kind == "mixed" or stuck >= 3:
                op = rng.choice(("sub", "del", "ins", "reorder", "trunc"))
            if op == "reorder":
                if not _reorder(rng, w):
                    stuck += 1
            elif op == "trunc":
                if not _truncate(rng, w):
                    stuck += 1
            else:
                _word_edit(rng, w, op, words)
        j2 = sim_words(w, base_sh)
        if kind in ("reorder", "trunc") and j2 >= j - 1e-12:
            stuck += 1
        j = j2
    return render_words(w), j


def format_variant(rng: random.Random, base) -> dict:
    """The same compared text after normalisation: some words upper-cased, some spaces doubled or newlines."""
    out = []
    for role, paras in base:
        text = "\n\n".join(" ".join(p) for p in paras)
        words = text.split(" ")
        for i in range(len(words)):
            x = rng.random()
            if x < 0.05:
                words[i] = words[i].upper()
            elif x < 0.08:
                words[i] = words[i] + " "
            elif x < 0.10:
                words[i] = words[i] + "\n"
        out.append({"role": role, "content": " ".join(words) + (" " if rng.random() < 0.3 else "")})
    return {"messages": out}


# --------------------------------------------------------------------------------------------------

def plan_groups(rng: random.Random, n_records: int):
    """[(base_index, [(member_index, kind, target), ...]), ...] with indexes 0-based, scattered over the file."""
    n_groups = int(n_records * GROUP_RATE)
    sizes = []
    for _ in range(n_groups):
        k = 1
        while k < 8 and rng.random() < 0.45:
            k += 1
        sizes.append(k)
    total = sum(sizes) + n_groups
    if total > n_records // 2:
        raise SystemExit("too few records for the planted groups")
    positions = rng.sample(range(n_records), total)
    groups = []
    it = iter(positions)
    for k in sizes:
        base = next(it)
        members = []
        for _ in range(k):
            x = rng.random()
            if x < 0.08:
                kind, target = "exact", 1.0
            elif x < 0.12:
                kind, target = "format", 1.0
            else:
                kind = KINDS[int(rng.random() * len(KINDS))]
                target = round(0.5 + 0.5 * rng.random(), 4)
            members.append((next(it), kind, target))
        groups.append((base, members))
    return groups


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, required=True, help="number of records (lines)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    gen = Generator(args.seed)
    prng = random.Random(args.seed * 1_000_003 + 17)  # planting only: background bytes do not depend on it
    groups = plan_groups(prng, args.records)

    planted: dict[int, str] = {}
    sidecar_groups = []
    words = gen.vocab.all_words
    for base_i, members in groups:
        base = gen.record()
        base_line = dumps(render(base))
        planted[base_i] = base_line
        side_members = []
        for mi, kind, target in members:
            if kind == "exact":
                line, j = base_line, 1.0
            elif kind == "format":
                obj = format_variant(prng, base)
                line = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), indent=None)
                j = textsim.jaccard(textsim.shingles(line), textsim.shingles(base_line))
            else:
                obj, j = mutate(prng, base, kind, target, words)
                line = dumps(obj)
            planted[mi] = line
            side_members.append({"line": mi + 1, "kind": kind, "target": target, "jaccard": round(j, 6)})
        sidecar_groups.append({"base": base_i + 1, "members": side_members})
    t_plant = time.perf_counter() - t0

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", buffering=1 << 20) as f:
        buf = []
        for i in range(args.records):
            line = planted.get(i)
            if line is None:
                line = dumps(render(gen.record()))
            buf.append(line)
            if len(buf) >= 4096:
                s = "\n".join(buf) + "\n"
                f.write(s)
                buf = []
        if buf:
            s = "\n".join(buf) + "\n"
            f.write(s)
    os.replace(tmp, args.out)
    n_planted = len(planted)
    meta = {"generator": "bench/dedup/make_dataset.py", "generator_version": GENERATOR_VERSION, "seed": args.seed,
            "records": args.records, "bytes": os.path.getsize(args.out), "planted_records": n_planted,
            "groups": sidecar_groups}
    with open(args.out + ".planted.json", "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=None)
        f.write("\n")
    dt = time.perf_counter() - t0
    print(f"wrote {args.out}: {args.records} records, {meta['bytes'] / 1e6:.1f} MB, {len(groups)} planted groups "
          f"({n_planted} records), in {dt:.1f} s (planting {t_plant:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
