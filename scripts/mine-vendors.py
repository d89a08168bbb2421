#!/usr/bin/env python3
"""Mine third-party vendor names from shop privacy policies, and measure the vendor table.

Usage:
    python3 scripts/mine-vendors.py [FOLDER] [--table src/vendors.rs] [--min-pages N] [--top N]

FOLDER holds plain-text policies (*.txt, one page each); it defaults to
../shared/corpus/bulk relative to the repository root. The script prints two
sections:

1. CANDIDATES: names that look like vendor names, with the number of pages they
   occur in. A candidate is a run of one to four capitalised or camel-cased
   words (or a domain such as ``xyz.com``) in a sentence that also holds a
   tracking word ("analytics", "pixel", "advertising", "remarketing",
   "cookies", "tag", "SDK", "email marketing", "reviews", "provided by",
   "powered by", "we use", "such as", "including", ...). Ordinary words are
   filtered out with a statistic of the pool itself: a word that is written in
   lower case in the pool as often as capitalised (e.g. "Cookies", "Service")
   is not name-like. Candidates already covered by the table are marked ``*``,
   so the uncovered ones stand out.

2. COVERAGE: for each vendor of the table (``src/vendors.rs``, whose aliases
   are parsed out of the Rust source), in how many pages one of its aliases
   occurs as a whole word in the lowercased text. Ambiguous aliases (the
   ``ambiguous`` list of a vendor) are counted only where written capitalised
   in the original text and with a tracking word in the same sentence, as the
   matcher does.

How the table was built: this script was run over the 2,000 pages of
shared/corpus/bulk; every candidate seen in two or more pages was reviewed by
hand, and those that are analytics, advertising, social, e-mail or SMS
marketing, reviews, session-replay, tag-manager, testing / personalisation,
affiliate, customer-data or chat / support-widget services went into
src/vendors.rs, with the spellings seen as aliases. Payment processors,
shipping carriers, hosting / CDN, shop platforms, CAPTCHA and consent-management
platforms were left out. Well-known vendors of the same categories were added
from general knowledge (they show 0 pages in COVERAGE). Only vendor names were
taken from the pool, never its sentences; no tracker database was used.
Edit the table, then re-run this script to see its coverage.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Words whose presence in a sentence makes the names in it candidates.
TRIGGER = re.compile(
    r"analytic|pixel|advertis|\bads?\b|remarketing|retarget|cookie|\btags?\b|\bsdks?\b"
    r"|e-?mail marketing|newsletter|\breviews?\b|ratings|provided by|powered by"
    r"|\bwe use\b|\bwe may use\b|\busing\b|such as|including|\btrack|beacon|plug-?ins?\b"
    r"|widget|live chat|\bchat\b|\bsms\b|text messag|affiliate|session record|heat ?map"
    r"|personali[sz]|a/b test|split test|audience|conversion|third[- ]party|partner",
    re.I,
)

# A tracking word near an ambiguous alias (as the matcher requires).
TRACKING_WORD = re.compile(
    r"\b(?:analytics|pixels?|tags?|cookies?|advertis\w*|ads|remarketing|retargeting|track\w*"
    r"|sdks?|measure\w*|statistics|marketing|e-?mails?|sms|texts?|reviews?|chat|session"
    r"|personali[sz]\w*|testing|affiliates?|audiences?|data|platform|services?|provider|tool)\b"
)

# A name: capitalised or camel-cased words (Google Tag Manager, comScore, AdRoll, Yotpo).
WORD = r"(?:[A-Z][A-Za-z0-9]*(?:[&'.\-][A-Za-z0-9]+)*|[a-z]+[A-Z][A-Za-z0-9]*)"
NAME = re.compile(rf"(?<![\w@/.]){WORD}(?:[ \t]+(?:{WORD}|&))*")
DOMAIN = re.compile(
    r"(?<![\w@.-])(?:www\.)?([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|io|net|co|ai|me|ly|app|so|us|de|fr|co\.uk))\b",
    re.I,
)
SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")

# Words that start sentences or headings and are never vendor names on their own.
STOP = set(
    """
a about above access account accordingly act additionally address advertisers advertising
after agreement all allow also although an analytics and any are art as at australia
be because before below both broadly browser but by ca california can canada certain
changes chat children click collection commercial company contact content cookie cookies
customer data dear details device different disclosure do does during each either email
eu even every examples except for from further furthermore general generally google's
help here how however i if in inc including information into is it its it's just keep
learn like limited links llc log ltd many may more most no non not note notice now of
on once one online only opt or other our out over overall page pages partners payment
people personal please policy privacy process product provide purpose re remarketing
review reviews right s see section security service services session settings sharing
should similar site sites so social some specifically state statement such terms that
the their then there therefore these they third this those through to tracking under
unless upon us usa use used user users using via visitors was we web website websites
what when where whenever wherever whether which while who why will with without yes you
your
""".split()
)


def read_pages(folder: Path) -> list[tuple[str, str]]:
    pages = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").replace("\0", " ")
        pages.append((path.name, text))
    return pages


def own_domain(name: str, text: str) -> str:
    """The shop's own domain (from the first line's URL, else the file name)."""
    first = text.split("\n", 1)[0]
    m = re.match(r"https?://(?:www\.)?([^/\s]+)", first)
    host = m.group(1) if m else name.removesuffix(".txt")
    return host.lower().removeprefix("www.")


def word_case_stats(pages: list[tuple[str, str]]) -> tuple[collections.Counter, collections.Counter]:
    """How often each word is written capitalised vs in lower case (outside URLs)."""
    cap: collections.Counter = collections.Counter()
    low: collections.Counter = collections.Counter()
    url = re.compile(r"\S*(?:https?://|www\.|\.com|\.net|\.io|@)\S*")
    for _, text in pages:
        for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", url.sub(" ", text)):
            if w[0].isupper():
                cap[w.lower()] += 1
            else:
                low[w] += 1
    return cap, low


def name_like(word: str, cap: collections.Counter, low: collections.Counter) -> bool:
    w = word.lower()
    if w in STOP or len(w) < 3 or w.isdigit():
        return False
    if any(ch.isupper() for ch in word[1:]) and not word.isupper():
        return True  # camel case: AdRoll, comScore, LiveRamp
    c, l = cap[w], low[w]
    return c >= 2 * (l + 1)


# Sentence starters that extraction glued to the word before ("CookiesWe",
# "INFORMATIONIf"): split there.
STARTERS = set(
    """we you if the how in when this our for to by an any as at all some these those
    your what where with from it its each once please there they under unless while
    on no not also however additionally""".split()
)
GLUED = re.compile(r"(?<=[A-Za-z])([A-Z][a-z]*)\b")


def unglue(sent: str) -> str:
    sent = re.sub(r"(?<=[a-z0-9])\.(?=[A-Z])", ". ", sent)
    return GLUED.sub(lambda m: " " + m.group(1) if m.group(1).lower() in STARTERS else m.group(1), sent)


def candidates(pages, cap, low):
    counts: collections.Counter = collections.Counter()
    for name, text in pages:
        own = own_domain(name, text)
        seen = set()
        for sent in SENTENCE.split(text):
            if len(sent) > 1200 or not TRIGGER.search(sent):
                continue
            sent = unglue(sent)
            for m in NAME.finditer(sent):
                words = re.split(r"[ \t]+", m.group(0).strip(" &"))
                # Trim leading and trailing non-name words (We use Hotjar -> Hotjar).
                while words and not name_like(words[0].strip("'s.-"), cap, low):
                    words.pop(0)
                while words and not name_like(words[-1].rstrip(".").removesuffix("'s"), cap, low):
                    # keep a product word after a name: "Google Analytics", "Facebook Pixel"
                    if len(words) >= 2 and words[-1].lower().strip(".") in PRODUCT_WORDS:
                        break
                    words.pop()
                if not words or len(words) > 4:
                    continue
                cand = " ".join(words).rstrip(".").removesuffix("'s")
                if len(cand) >= 3:
                    seen.add(cand)
            for m in DOMAIN.finditer(sent):
                d = m.group(1).lower()
                if d == own or d.endswith("." + own) or own.endswith("." + d):
                    continue
                seen.add(d)
        for c in seen:
            counts[c] += 1
    return counts


PRODUCT_WORDS = set(
    """analytics ads advertising pixel tag manager marketing cloud audiences audience
    insights optimize reviews chat sdk platform network remarketing conversion
    conversions tracking signals""".split()
)


def parse_table(path: Path) -> list[tuple[str, str, list[str], list[str]]]:
    """(name, category, aliases, ambiguous) for each vendor of src/vendors.rs.

    Rows are written `v("Name", Category, &["alias", ...], &["ambiguous", ...])`;
    `Vendor { name: .., category: .., aliases: .., ambiguous: .. }` literals are
    read too.
    """
    src = path.read_text(encoding="utf-8")
    start = src.find("static VENDORS")
    end = src.find("#[cfg(test)]", start)
    body = src[start : end if end > 0 else len(src)]
    body = re.sub(r"//[^\n]*", "", body)
    strings = lambda s: re.findall(r'"([^"]*)"', s)  # noqa: E731
    vendors = []
    row = re.compile(r'\bv\(\s*"([^"]*)"\s*,\s*(?:Category::)?(\w+)\s*,\s*&\[(.*?)\]\s*,\s*&\[(.*?)\]\s*,?\s*\)', re.S)
    for m in row.finditer(body):
        vendors.append((m.group(1), m.group(2), strings(m.group(3)), strings(m.group(4))))
    for m in re.finditer(r"Vendor\s*\{(.*?)\}", body, re.S):
        block = m.group(1)
        name = re.search(r'name:\s*"([^"]*)"', block)
        category = re.search(r"category:\s*(?:Category::)?(\w+)", block)
        aliases = re.search(r"aliases:\s*&\[(.*?)\]", block, re.S)
        ambiguous = re.search(r"ambiguous:\s*&\[(.*?)\]", block, re.S)
        if name and aliases:
            vendors.append(
                (
                    name.group(1),
                    category.group(1) if category else "?",
                    strings(aliases.group(1)),
                    strings(ambiguous.group(1)) if ambiguous else [],
                )
            )
    return vendors


def alias_regex(alias: str) -> re.Pattern:
    return re.compile(r"(?<![a-z0-9])" + re.escape(alias) + r"(?![a-z0-9])")


def coverage(pages, vendors):
    """(name, category, pages) for each vendor, through an index of each page's words."""
    lowered = [(t, t.lower()) for _, t in pages]
    index: dict[str, set[int]] = collections.defaultdict(set)
    for i, (_, low) in enumerate(lowered):
        for w in set(re.findall(r"[a-z0-9]+", low)):
            index[w].add(i)
    out = []
    for name, category, aliases, ambiguous in vendors:
        hits: set[int] = set()
        for alias in aliases:
            words = re.findall(r"[a-z0-9]+", alias)
            if not words:
                continue
            maybe = set.intersection(*(index.get(w, set()) for w in words)) - hits
            if not maybe:
                continue
            if alias in ambiguous:
                hits |= {i for i in maybe if ambiguous_hit(lowered[i][0], alias)}
            else:
                r = alias_regex(alias)
                hits |= {i for i in maybe if r.search(lowered[i][1])}
        out.append((name, category, len(hits)))
    return out


def ambiguous_hit(text: str, alias: str) -> bool:
    """The alias written capitalised, with a tracking word in its sentence."""
    r = re.compile(r"(?<![A-Za-z0-9])" + re.escape(alias) + r"(?![A-Za-z0-9])", re.I)
    for m in r.finditer(text):
        if not m.group(0)[0].isupper():
            continue
        s = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        ends = [i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0]
        e = min(ends) if ends else len(text)
        around = (text[s : m.start()] + " " + text[m.end() : e]).lower()
        if TRACKING_WORD.search(around):
            return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "bulk"))
    ap.add_argument("--table", default=str(ROOT / "src" / "vendors.rs"))
    ap.add_argument("--min-pages", type=int, default=3, help="smallest page count of a candidate")
    ap.add_argument("--top", type=int, default=600, help="how many candidates to print")
    args = ap.parse_args()

    folder = Path(args.folder)
    pages = read_pages(folder)
    if not pages:
        print(f"no .txt pages in {folder}", file=sys.stderr)
        return 1
    vendors = parse_table(Path(args.table)) if os.path.exists(args.table) else []
    covered = [alias_regex(a) for _, _, aliases, _ in vendors for a in aliases]

    cap, low = word_case_stats(pages)
    counts = candidates(pages, cap, low)
    print(f"# {len(pages)} pages in {folder}")
    print(f"# CANDIDATES (pages, name; * = matched by an alias of the table)")
    shown = 0
    for cand, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].lower())):
        if n < args.min_pages or shown >= args.top:
            break
        mark = "*" if any(r.search(cand.lower()) for r in covered) else " "
        print(f"{n:5d} {mark} {cand}")
        shown += 1

    if vendors:
        cov = coverage(pages, vendors)
        found = sum(1 for *_, n in cov if n)
        any_page = len(set().union(*[{0}] * 0)) if False else None  # noqa: F841
        per_category = collections.Counter(c for _, c, _ in cov)
        print()
        print(f"# COVERAGE: {len(vendors)} vendors in the table, {found} found in the pool")
        print("# per category: " + ", ".join(f"{c} {n}" for c, n in sorted(per_category.items())))
        print("# (pages, vendor, category), most often found first")
        for name, category, n in sorted(cov, key=lambda kv: (-kv[2], kv[0].lower())):
            print(f"{n:5d}   {name}  [{category}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
