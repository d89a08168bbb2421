#!/usr/bin/env python3
"""Mine third-party vendor names from shop privacy policies, and measure the vendor table.

Usage:
    python3 scripts/mine-vendors.py [FOLDER] [--table src/vendors.rs]
                                    [--min-pages N] [--top N] [--all]

FOLDER holds plain-text policies (*.txt, one page each); it defaults to
../shared/corpus/bulk beside the repository. Python 3.11, standard library
only. The script prints two sections:

1. CANDIDATES: names that look like vendor names, with the number of pages they
   occur in. A candidate is a run of one to four capitalised or camel-cased
   words (or a domain such as ``xyz.com``, not the shop's own) in a sentence
   that also holds a tracking word ("analytics", "pixel", "advertising",
   "remarketing", "cookies", "tag", "SDK", "email marketing", "reviews",
   "provided by", "powered by", "we use", "such as", "including", ...).
   Ordinary words are filtered out with a statistic of the pool itself: a word
   written in lower case in the pool more than a fifth as often as capitalised
   (not counting sentence starts), e.g. "Cookies", "Service", is not name-like.
   Candidates matched by an alias of the table are marked ``*``; candidates
   already reviewed and rejected (REJECTED below: laws, places, browsers,
   payment processors, carriers, platforms, ...) are hidden unless --all.

2. COVERAGE: for each vendor of the table (``src/vendors.rs``, whose rows are
   parsed out of the Rust source), in how many pages one of its aliases occurs
   as a whole word in the lowercased text; then the vendors per category.
   Ambiguous aliases (a vendor's ``ambiguous`` list) count only where written
   capitalised and with a tracking word in the same sentence, roughly as the
   matcher does.

How the table was built: this script was run over the 2,000 pages of
shared/corpus/bulk; the candidates seen in two or more pages were reviewed by
hand, together with a look at the names written right after "powered by",
"provided by", "such as", "we use" and right before "Analytics", "Pixel",
"Ads", "tag", "remarketing" (a few such names seen in only one page went in
too). Those that are analytics, advertising, social, e-mail or SMS marketing,
reviews, session-replay, tag-manager, testing / personalisation, affiliate,
customer-data or chat / support-widget services went into src/vendors.rs, with
the spellings seen as aliases; the rest went into REJECTED. Well-known vendors
of the same categories were added from general knowledge (they show 0 pages in
COVERAGE). Only vendor names were taken from the pool, never its sentences; no
tracker database was used. Edit the table, then re-run this script to see its
coverage and what is still uncovered.
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
    r"\b(?:analytics|analy[sz]\w*|pixels?|tags?|cookies?|advertis\w*|ads|remarketing|retargeting"
    r"|audiences?|track\w*|collect\w*|sdks?|measure\w*|statistics|conversions?|marketing"
    r"|e-?mails?|newsletters?|sms|text messages?|reviews?|ratings?|chat|sessions?|recordings?"
    r"|heat ?maps?|personali[sz]\w*|testing|affiliates?|surveys?)\b"
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
    """How often each word is written capitalised vs in lower case, outside URLs
    and not counting the first word of a sentence or line (capitalised anyway)."""
    cap: collections.Counter = collections.Counter()
    low: collections.Counter = collections.Counter()
    url = re.compile(r"\S*(?:https?://|www\.|\.com|\.net|\.io|@)\S*")
    for _, text in pages:
        for sent in SENTENCE.split(url.sub(" ", text)):
            for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", sent)[1:]:
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
    return c >= 5 * (l + 1)


# Page extraction glues headings and sentences together ("CookiesWe",
# "INFORMATIONIf", "trackingCOPPA", "FacebookFacebook"): split them again,
# but not camel-cased names (AdRoll, LinkedIn, AddThis, DoubleClick, LiveChat).
STARTERS = set(
    """a we you if the how when our for by an as some these those your what where
    with from its each once please there they under unless while not also however
    additionally here addendum cookies information privacy policy in""".split()
)
GLUED_ACRONYM = re.compile(r"\b([a-z]{2,})([A-Z]{2,})")
GLUED_HEADING = re.compile(r"\b([A-Z]{3,})([A-Z][a-z]+)")
DOUBLED = re.compile(r"(?<![A-Za-z])([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2})\1(?![a-z])")


GLUED_LOWER = re.compile(r"\b([a-z]{2,})([A-Z][a-z]+)\b")
CAMEL_NAMES = {"LinkedIn"}


def unglue(sent: str, low: collections.Counter) -> str:
    sent = re.sub(r"(?<=[a-z0-9])\.(?=[A-Z])", ". ", sent)
    sent = DOUBLED.sub(r"\1; \1", sent)
    sent = GLUED_ACRONYM.sub(r"\1 \2", sent)
    sent = GLUED_HEADING.sub(r"\1 \2", sent)
    # "linksOccasionally", "addressFirst": two ordinary words.
    sent = GLUED_LOWER.sub(
        lambda m: m.group(1) + " " + m.group(2)
        if low[m.group(1)] >= 20 and low[m.group(2).lower()] >= 20
        else m.group(0),
        sent,
    )
    # "CookiesWe", "InformationIn": a sentence starter glued on.
    return re.sub(
        r"\b[A-Za-z]*[a-z](?:We|If|You|The|How|When|Our|For|By|An|As|Some|These|Those|Your"
        r"|What|Where|With|From|Its|Each|Once|Please|There|They|Under|Unless|While|Not|Also"
        r"|However|Additionally|Here|Addendum|Cookies|Information|Privacy|Policy|In|A)\b",
        lambda m: m.group(0) if m.group(0) in CAMEL_NAMES else split_starter(m.group(0)),
        sent,
    )


def split_starter(word: str) -> str:
    for i in range(len(word) - 1, 0, -1):
        if word[i].isupper() and word[i - 1].islower():
            if word[i:].lower() in STARTERS:
                return word[:i] + " " + word[i:]
            break
    return word


# Candidates reviewed and left out of the table: not a vendor of its categories
# (laws, places, browsers, technologies), or a payment processor, carrier, shop
# platform, host, CDN, CAPTCHA, consent tool, or a vendor with no tracking role.
# They are hidden from the CANDIDATES list unless --all is given.
REJECTED = set(
    """
    internet|google|ssl|united states|initiative|dnt|third-party|sms|alliance|gdpr
    sockets layer|socket layer|socket layers|eea|ccpa|european economic|european union
    europe|european|european commission|commission|nai|daa|edaa|powered|patriot|regulation
    javascript|java|flash|adobe flash|html|html5|http|https|tls|url|urls|pii|isp|isps
    internet explorer|microsoft internet explorer|firefox|mozilla firefox|safari|chrome
    google chrome|opera|netscape|netscape navigator|microsoft edge|edge|android|ios|apple
    microsoft|amazon|adobe|yahoo|aol|oracle|salesforce|verizon|comcast|ibm
    shopify|bigcommerce|magento|woocommerce|wordpress|wordpress.com|squarespace|wix|miva
    x-cart|zen cart|zoey|volusion|3dcart|shift4shop|automattic|godaddy|bluehost|endurance
    cloudflare|aws|microsoft azure|sucuri|verisign|thawte|geotrust|comodo|truste
    paypal|stripe|braintree|klarna|afterpay|affirm|authorize.net|sagepay|worldpay|pay360
    adyen|elavon|square|sofort|eway|chase paymentech|paymentech|visa|mastercard
    american express|discover|ups|usps|fedex|dhl|dpd|tnt|royal mail|parcelforce
    recaptcha|google recaptcha|gravatar|akismet|vimeo|whatsapp|google maps|google fonts
    google play|google ireland|google inc|google llc|facebook inc|twitter inc
    shield|shield framework|shield principles|privacy shield|coppa|caloppa
    ftc|ico|pci|pci dss|gramm-leach-bliley|glba|hipaa|lgpd|pecr|casl|fcra|tcpa|dsgvo
    interest-based advertising|interest-based ads|self-regulatory principles|adchoices
    appchoices|opt-out|do-not-track|gps|wi-fi|wifi|bluetooth|idfa|aaid|udid|imei|cctv
    united kingdom|america|canada|california|switzerland|ireland|india|brazil|japan
    woobox|dropbox|github|etsy|ebay|walmart|disney|rolex|ghostery|norton|wikipedia
    explorer|self-regulatory|locator|officer|shine|american|house|commissioner|light
    frca|fed|fedral|corporation|disclaimer|mountain|non-personal|non-personally|constant
    fipa|mms|spike|suite|washington|accountability|canadian|crm|england|html-based|london
    mac|namecookie|royal|union|york|english|net|tcp|vat|addendum|amphitheatre parkway
    api|apis|december|january|august|september|october|dublin|zen|co-branded|county
    domain.com|e-commerce|ecommerce|florida|iab|icc|iceland|kits|nederland|norway|opt-in
    rsa|university|wine|dpo|e-newsletter|enewsletter|ems|gallery|gramm|bliley|leach
    icann|iphone|ipad|jewelry|liechtenstein|oba|road|ave|blvd|united|wishlist|alaska
    committee|commonwealth|cvv|daac|dna|e-mail|germany|gmbh|hawaii|hmrc|zealand
    dealer spike|ari network|ari|bizwizard shopkart|appmachine|netsoft studio
    semantic sugar|ecomdash|google's advertising|google's ads|third-party advertising
    third-party marketing|internet-based advertising|european interactive digital advertising
    alliance opt-out|alliance self-regulatory|lei geral|maps api|non-pii|html-formatted
    """.replace("\n", "|").split("|")
)
REJECTED = {r.strip() for r in REJECTED} - {""}

# Domains of browsers' help pages, industry opt-out pages, regulators and
# policy generators: named for opting out or for reference, never as a vendor.
REJECTED_DOMAINS = set(
    """google.com microsoft.com apple.com mozilla.org opera.com truste.com
    aboutads.info networkadvertising.org youronlinechoices.com youronlinechoices.eu
    allaboutdnt.com allaboutcookies.org aboutcookies.org cookiecentral.com
    youradchoices.com youradchoices.ca optout.aboutads.info optoutprescreen.com
    ftc.gov ico.org.uk freeprivacypolicy.com seqlegal.com termsfeed.com
    privacypolicies.com website.com example.com gmail.com yahoo.com aol.com
    hotmail.com outlook.com amazon.com wordpress.com shopify.com paypal.com
    stripe.com authorize.net squarespace.com bigcommerce.com wikipedia.org
    adobe.com macromedia.com""".split()
)


def candidates(pages, cap, low):
    counts: collections.Counter = collections.Counter()
    for name, text in pages:
        own = own_domain(name, text)
        seen = set()
        for sent in SENTENCE.split(text):
            if len(sent) > 1200 or not TRIGGER.search(sent):
                continue
            sent = unglue(sent, low)
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
                if any(d == r or d.endswith("." + r) for r in REJECTED_DOMAINS):
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
        out.append((name, category, hits))
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
    ap.add_argument("--top", type=int, default=400, help="how many candidates to print")
    ap.add_argument("--all", action="store_true", help="also print the REJECTED candidates")
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
        if not args.all and cand.lower() in REJECTED:
            continue
        mark = "*" if any(r.search(cand.lower()) for r in covered) else " "
        print(f"{n:5d} {mark} {cand}")
        shown += 1

    if vendors:
        cov = coverage(pages, vendors)
        found = sum(1 for *_, hits in cov if hits)
        pages_with_any = len(set().union(*(hits for *_, hits in cov)))
        per_category = collections.Counter(c for _, c, _ in cov)
        print()
        print(f"# COVERAGE: {len(vendors)} vendors in the table, {found} found in the pool;")
        print(f"# {pages_with_any} of {len(pages)} pages name at least one of them")
        print("# per category: " + ", ".join(f"{c} {n}" for c, n in sorted(per_category.items())))
        print("# (pages, vendor, category), most often found first")
        for name, category, hits in sorted(cov, key=lambda kv: (-len(kv[2]), kv[0].lower())):
            print(f"{len(hits):5d}   {name}  [{category}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
