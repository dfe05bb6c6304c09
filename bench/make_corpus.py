#!/usr/bin/python3
"""Writes a deterministic mixed zh/en corpus about AI history for bench/run.

The text is made here, from templates written for this benchmark (news
sentences, interview turns "Name: ...", encyclopedia entries in Chinese,
English and both mixed), filled with entity names read at run time from
rules/common/gazetteer/*.tsv, with dates in many shapes and relation verbs.
The same arguments give the same bytes on every run (one seeded PRNG, files
read in sorted order). Standard library only.

Modes:
  tree      files of 20-500 KB under nested directories (OUT is a directory)
  file      one file of SIZE (OUT is a file)
  oneline   one line with no newline and no sentence end (OUT is a file)
  lines     the oneline text with a newline inserted every 100 KB (OUT is a file)

Usage: make_corpus.py MODE OUT SIZE_MB [--seed N] [--rules DIR]
"""

import argparse
import os
import random
import sys

# --- Names from the gazetteers -------------------------------------------

TYPES = ("PERSON", "ORG", "MODEL", "PRODUCT", "DATASET", "EVENT", "WORK",
         "CONCEPT", "LOCATION")


def has_cjk(s):
    return any("\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in s)


def load_names(rules_dir):
    """Returns {type: (english aliases, chinese aliases)} from the gazetteers.

    Weak aliases (leading ~) are kept without the ~: a benchmark should also
    feed the engine the names that need context to count."""
    gaz = os.path.join(rules_dir, "common", "gazetteer")
    en = {t: [] for t in TYPES}
    zh = {t: [] for t in TYPES}
    for name in sorted(os.listdir(gaz)):
        if not name.endswith(".tsv"):
            continue
        with open(os.path.join(gaz, name), encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) < 3 or cols[1] not in en:
                    continue
                for alias in cols[2].split("|"):
                    alias = alias.lstrip("~").strip()
                    if alias:
                        (zh if has_cjk(alias) else en)[cols[1]].append(alias)
    for t in TYPES:
        if not en[t]:
            en[t] = zh[t] or ["Example"]
        if not zh[t]:
            zh[t] = en[t]
    return en, zh


# --- Dates -----------------------------------------------------------------

MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
ZH_DIGITS = "〇一二三四五六七八九"
ZH_SMALL = ("一", "两", "三", "四", "五", "六", "七", "八", "九", "十")
EN_SMALL = ("two", "three", "four", "five", "six", "seven", "ten")


def zh_year(y):
    return "".join(ZH_DIGITS[int(c)] for c in str(y))


def en_date(r):
    """A date phrase that can follow a sentence-initial or inner position
    ("in 2012", "on March 12, 2023", "the following year", ...)."""
    y = r.randint(1943, 2025)
    k = r.randrange(14)
    if k < 3:
        return "in %d" % y
    if k < 5:
        return "in %s %d" % (MONTHS[r.randrange(12)], y)
    if k == 5:
        return "on %s %d, %d" % (MONTHS[r.randrange(12)], r.randint(1, 28), y)
    if k == 6:
        return "on %d %s %d" % (r.randint(1, 28), MONTHS[r.randrange(12)], y)
    if k == 7:
        return "in the %s%ds" % (r.choice(("", "early ", "mid-", "late ")), y // 10 * 10)
    if k == 8:
        return "%s years later" % r.choice(EN_SMALL)
    if k == 9:
        return r.choice(("last year", "the following year", "that same year", "the year before"))
    if k == 10:
        return "on %d-%02d-%02d" % (y, r.randint(1, 12), r.randint(1, 28))
    if k == 11:
        return "in %s %d" % (r.choice(("spring", "summer", "autumn", "winter", "early", "late")), y)
    if k == 12:
        return "between %d and %d" % (y, min(y + r.randint(1, 6), 2026))
    return "in %d" % y


def zh_date(r):
    y = r.randint(1943, 2025)
    k = r.randrange(14)
    if k < 2:
        return "%d年" % y
    if k == 2:
        return "%d 年" % y
    if k < 5:
        return "%d年%d月" % (y, r.randint(1, 12))
    if k == 5:
        return "%d年%d月%d日" % (y, r.randint(1, 12), r.randint(1, 28))
    if k == 6:
        return zh_year(y) + "年"
    if k == 7:
        return r.choice(("去年", "今年", "前年", "同年", "次年"))
    if k == 8:
        return "%s年后" % r.choice(ZH_SMALL)
    if k == 9:
        return "%d年代" % (y // 10 * 10)
    if k == 10:
        return "上世纪%s十年代" % r.choice(("五", "六", "七", "八", "九"))
    if k == 11:
        return "%d年%s" % (y, r.choice(("初", "底", "年初", "年末", "上半年", "下半年")))
    if k == 12:
        return "%d年至%d年" % (y, min(y + r.randint(1, 5), 2026))
    return "%d年" % y


# --- Templates --------------------------------------------------------------
# Slots: {P} person, {O} org, {M} model, {R} product, {D} dataset, {E} event,
# {W} work, {C} concept, {L} location, {T} date phrase, {N} small number.
# Each template is (language, text); "en" fills names and dates in English,
# "zh" in Chinese, "mix" takes Chinese dates and names from either list.
# A template ending without a terminator is completed by the generator.

TEMPLATES = [
    # English news
    ("en", "{T}, {O} released {M}, a system built on {C}."),
    ("en", "{P} founded {O} {T} with backing from {O}."),
    ("en", "{O} acquired {O} {T}, and {P} joined the combined team."),
    ("en", "{P} joined {O} {T} to lead its work on {C}."),
    ("en", "The paper {W} by {P} and {P} introduced {M} {T}."),
    ("en", "{M} was trained on {D} and evaluated at {E}."),
    ("en", "{P} said that {C} would change how {O} builds {R}."),
    ("en", "Engineers at {O} in {L} created {R} {T}."),
    ("en", "{T}, {P} left {O} and later co-founded {O} in {L}."),
    ("en", "{O} announced {R} {T}, bringing {M} to millions of users."),
    ("en", "Critics of {C} pointed to {W}, which {P} wrote {T}."),
    ("en", "At {E}, a team from {O} beat the field with {M}."),
    ("en", "{P} and {P} shared the work that led to {M}."),
    ("en", "Results on {D} improved by {N} points after {O} switched to {C}."),
    ("en", "Investors in {L} followed {O} closely after {P} spoke at {E}."),
    ("en", "{O} open-sourced {M} {T} under a permissive licence."),
    # English encyclopedia style
    ("en", "{M} is a model developed by {O}. It was first described {T} in {W}."),
    ("en", "{P} is a researcher known for work on {C} and for {M}."),
    ("en", "{O} is an organisation based in {L}, founded {T}."),
    ("en", "{D} is a dataset used to benchmark {C}; {O} published it {T}."),
    ("en", "{E} is an event at which {M} was shown {T}."),
    # English transcript turns
    ("turn_en", "{S}: I think {C} only took off once {O} had {D} to train on."),
    ("turn_en", "{S}: When {P} joined {O}, nobody expected {M} to work."),
    ("turn_en", "{S}: We started on {R} {T}, right after {E}."),
    ("turn_en", "{S}: Honestly, the turning point was {W}."),
    ("turn_en", "{S}: Tell us about the day {O} bought {O}."),
    # Chinese news
    ("zh", "{T}，{O}发布了基于{C}的{M}。"),
    ("zh", "{P}于{T}创立了{O}，总部位于{L}。"),
    ("zh", "{T}，{O}宣布收购{O}，{P}随后加入新团队。"),
    ("zh", "{P}在{T}加入{O}，负责{C}方面的研究。"),
    ("zh", "{M}在{D}上取得了领先成绩，并在{E}上亮相。"),
    ("zh", "{O}推出{R}之后，{P}表示{C}将改变整个行业。"),
    ("zh", "{T}，{P}与{P}合作发表了{W}，提出了{M}。"),
    ("zh", "据报道，{O}在{L}的实验室开发了{R}。"),
    ("zh", "{P}离开{O}后，在{L}创办了{O}。"),
    ("zh", "业内人士认为，{C}的进展离不开{D}和{M}。"),
    ("zh", "{O}于{T}开源了{M}，吸引了{N}万名开发者。"),
    ("zh", "在{E}上，来自{O}的团队凭借{M}夺冠。"),
    # Chinese encyclopedia style
    ("zh", "{M}是由{O}开发的模型，最早于{T}在{W}中提出。"),
    ("zh", "{P}是研究{C}的学者，曾任职于{O}。"),
    ("zh", "{O}是一家位于{L}的机构，成立于{T}。"),
    ("zh", "{D}是用于评测{C}的数据集，由{O}于{T}发布。"),
    # Chinese transcript turns
    ("turn_zh", "{S}：我觉得{C}真正起飞，是在{O}拿到{D}之后。"),
    ("turn_zh", "{S}：{P}加入{O}的时候，没人相信{M}能成功。"),
    ("turn_zh", "{S}：我们{T}开始做{R}，就在{E}之后。"),
    ("turn_zh", "{S}：说实话，转折点是{W}。"),
    # Mixed
    ("mix", "{T}，{O} 发布了 {M}，并在 {D} 上 benchmark 了 {C}。"),
    ("mix", "{P} 在 {E} 上 demo 了 {R}，现场反响热烈。"),
    ("mix", "{O} 的 {M} 于 {T} 上线，API 同步开放给 {O} 的用户。"),
    ("mix", "{P} 说：“{C} is the new electricity.” 那是{T}的事。"),
    ("mix", "{T}，{P} joined {O}，主攻 {C}。"),
    ("mix", "根据 {W}，{M} 的训练数据来自 {D}。"),
]

SPEAKERS_EN = ("Host", "Interviewer", "Moderator", "Guest", "Q", "A")
SPEAKERS_ZH = ("主持人", "记者", "嘉宾", "问", "答")
SLOTS = {"P": "PERSON", "O": "ORG", "M": "MODEL", "R": "PRODUCT", "D": "DATASET",
         "E": "EVENT", "W": "WORK", "C": "CONCEPT", "L": "LOCATION"}
TERMINATORS = ".!?。！？；;…"


def compile_templates(oneline):
    """Splits each template into literal and slot parts once, so that filling
    one is a loop over a short list instead of a format() parse."""
    out = []
    for lang, text in TEMPLATES:
        if oneline:
            # No sentence end anywhere: terminators become commas.
            text = text.rstrip(TERMINATORS)
            for ch in TERMINATORS:
                text = text.replace(ch, "，" if lang in ("zh", "turn_zh", "mix") else ",")
        parts = []
        rest = text
        while rest:
            i = rest.find("{")
            if i < 0:
                parts.append((None, rest))
                break
            if i:
                parts.append((None, rest[:i]))
            j = rest.index("}", i)
            parts.append((rest[i + 1:j], None))
            rest = rest[j + 1:]
        out.append((lang, parts))
    return out


class Writer:
    def __init__(self, rules_dir, seed, oneline):
        self.r = random.Random(seed)
        self.oneline = oneline
        en, zh = load_names(rules_dir)
        if oneline:
            def clean(names):
                kept = [n for n in names if not any(c in TERMINATORS for c in n)]
                return kept or ["Example"]
            en = {t: clean(v) for t, v in en.items()}
            zh = {t: clean(v) for t, v in zh.items()}
        self.en, self.zh = en, zh
        self.mixed = {t: en[t] + zh[t] for t in TYPES}
        self.templates = compile_templates(oneline)
        self.by_lang = {}
        for tpl in self.templates:
            self.by_lang.setdefault(tpl[0], []).append(tpl)
        self.speakers_en = list(SPEAKERS_EN) + en["PERSON"][:60]
        self.speakers_zh = list(SPEAKERS_ZH) + zh["PERSON"][:60]

    def sentence(self, template):
        r = self.r
        lang, parts = template
        zh_like = lang in ("zh", "turn_zh", "mix")
        names = self.en if lang in ("en", "turn_en") else (self.mixed if lang == "mix" else self.zh)
        # Two sentences in five keep their date; the rest say "then".
        dated = r.random() < 0.4
        out = []
        for slot, lit in parts:
            if slot is None:
                out.append(lit)
            elif slot == "T":
                if dated:
                    d = zh_date(r) if zh_like else en_date(r)
                else:
                    d = r.choice(("当时", "随后", "此后")) if zh_like else r.choice(("then", "later", "soon after"))
                if not out or out[-1].endswith((". ", ": ")):
                    d = d[0].upper() + d[1:]
                out.append(d)
            elif slot == "N":
                out.append(str(r.randint(2, 90)))
            elif slot == "S":
                out.append(r.choice(self.speakers_zh if zh_like else self.speakers_en))
            else:
                out.append(r.choice(names[SLOTS[slot]]))
        s = "".join(out)
        if s and not zh_like and s[0].islower():
            s = s[0].upper() + s[1:]
        return s

    def paragraph(self):
        """One paragraph: 2-7 sentences, four in five in the first sentence's
        language; interview turns are one turn a line."""
        r = self.r
        n = r.randint(2, 7)
        t = self.templates
        first = t[r.randrange(len(t))]
        if first[0].startswith("turn") and not self.oneline:
            turns = self.by_lang[first[0]]
            return "\n".join([self.sentence(first)] + [self.sentence(r.choice(turns)) for _ in range(n - 1)])
        same = self.by_lang[first[0]]
        picked = [first] + [r.choice(same) if r.random() < 0.8 else t[r.randrange(len(t))]
                            for _ in range(n - 1)]
        sents = [self.sentence(x) for x in picked]
        if self.oneline:
            return ("，" if first[0] in ("zh", "mix", "turn_zh") else ", ").join(sents)
        out = [sents[0]]
        for s in sents[1:]:
            # A space after an English sentence end, none after a Chinese one.
            out.append(" " + s if out[-1][-1:].isascii() else s)
        return "".join(out)

    def text(self, nbytes):
        """About nbytes bytes of paragraphs separated by blank lines (or by a
        comma in oneline mode); ends on a whole paragraph."""
        chunks = []
        size = 0
        sep = "，" if self.oneline else "\n\n"
        while size < nbytes:
            p = self.paragraph()
            chunks.append(p)
            size += len(p.encode("utf-8")) + len(sep.encode("utf-8"))
        body = sep.join(chunks)
        return body if self.oneline else body + "\n"


def write_tree(w, out, total):
    """Files of 20-500 KB in directories two levels deep."""
    written = 0
    index = 0
    while written < total:
        size = min(w.r.randint(20, 500) * 1024, max(total - written, 20 * 1024))
        d = os.path.join(out, "part%02d" % (index // 64), "sub%d" % (index % 4))
        os.makedirs(d, exist_ok=True)
        ext = ".md" if index % 10 == 9 else ".txt"
        data = w.text(size).encode("utf-8")
        with open(os.path.join(d, "doc%05d%s" % (index, ext)), "wb") as f:
            f.write(data)
        written += len(data)
        index += 1
    return index


def write_file(w, out, total):
    with open(out, "wb", buffering=8 << 20) as f:
        written = 0
        while written < total:
            data = w.text(min(4 << 20, total - written)).encode("utf-8")
            if written and not w.oneline:
                data = b"\n" + data
            elif written:
                data = "，".encode("utf-8") + data
            f.write(data)
            written += len(data)


def write_lines(w, out, total, every=100 * 1024):
    """The oneline text, with a newline put after the first comma at or past
    every 100 KB, so that the two files differ only in those newlines."""
    tmp = out + ".oneline.tmp"
    write_file(w, tmp, total)
    with open(tmp, "rb") as f:
        data = f.read()
    os.remove(tmp)
    comma = "，".encode("utf-8")
    pieces = []
    start = 0
    while start < len(data):
        cut = start + every
        if cut >= len(data):
            pieces.append(data[start:])
            break
        j = data.find(comma, cut)
        k = data.find(b", ", cut)
        ends = [x + (len(comma) if x == j else 1) for x in (j, k) if x >= 0]
        if not ends:
            pieces.append(data[start:])
            break
        end = min(ends)
        pieces.append(data[start:end])
        start = end
    with open(out, "wb") as f:
        f.write(b"\n".join(pieces))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("tree", "file", "oneline", "lines"))
    ap.add_argument("out")
    ap.add_argument("size_mb", type=float)
    ap.add_argument("--seed", type=int, default=20120930)
    ap.add_argument("--rules", default=os.path.join(here, "..", "rules"))
    a = ap.parse_args()
    total = int(a.size_mb * 1024 * 1024)
    w = Writer(a.rules, a.seed, oneline=a.mode in ("oneline", "lines"))
    if a.mode == "tree":
        n = write_tree(w, a.out, total)
        print(n)
    elif a.mode == "file" or a.mode == "oneline":
        write_file(w, a.out, total)
        print(1)
    else:
        write_lines(w, a.out, total)
        print(1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
