//! Tracking: cookies, web beacons, analytics, targeted advertising, the named
//! third-party services, and what the site does with Do Not Track.
//!
//! A flag is set by a sentence that speaks of the practice and is not a
//! denial of it ("we do not make use of cookies" clears `cookies`). A service
//! is listed when a sentence says the site uses it, not when it is only an
//! opt-out link or a social network in the footer. Do Not Track is read from
//! the sentences about DNT signals: a refusal in any of them ("we do not
//! respond", "unable to respond", "no industry consensus") is `not_honored`;
//! otherwise a commitment ("we honor", "we stop collecting") is `honored`.

use crate::report::{DoNotTrack, Finding, Tracking, TrackingEvidence};
use crate::statements::{same, table_words, FastMap, Word};
use crate::text::{find_in_lines, negated_before, pattern, text_pattern, Document, Pattern};
use crate::vendors::{Category, VENDORS};
use std::sync::LazyLock;

/// Quotes kept per flag: enough to convince, few enough to read.
const MAX_QUOTES: usize = 2;

static COOKIES: LazyLock<Pattern> =
    LazyLock::new(|| text_pattern(r"\bcookies?\b|\blocal storage\b|\blocal shared objects\b"));

/// "we do not use cookies", "we do not make use of cookies".
static NO_COOKIES: LazyLock<Pattern> = LazyLock::new(|| {
    text_pattern(
        r"(?:\bnot|\bnever|n['’]t)\s+(?:\w+\s+){0,2}?(?:use|utili[sz]e|make use of|set|place|employ|store)\s+(?:any\s+)?cookies\b",
    )
});

/// Whether the words after a denial's "cookies" limit it to a purpose: "we
/// do not use cookies to store personal data" denies that use, not cookies.
fn for_a_purpose(after: &str) -> bool {
    const LIMITS: &[&str] = &[
        "to", "for", "in", "that", "which", "with", "unless", "except", "when", "as", "beyond",
    ];
    LIMITS.contains(&next_word(after))
}

/// The word `after` starts with, past any spaces: its run of ASCII letters and digits.
fn next_word(after: &str) -> &str {
    let after = after.trim_start_matches(' ');
    &after[..after
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(after.len())]
}

static WEB_BEACONS: LazyLock<Pattern> = LazyLock::new(|| {
    text_pattern(
        r"\b(?:web ?beacons?|pixel tags?|pixels?|clear gifs?|clear gif files|tracking pixels?|single[- ]pixel|spotlight tags?|beacons?|tags? in (?:our |the )?e-?mails?|tracking tags?)\b",
    )
});

/// Words of tracking that a bare "pixel" or "beacon" must stand beside to
/// name a web beacon (see [`names_a_beacon`]).
static BEACON_CONTEXT: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:cookies?|track\w*|tags?|collect\w*|gifs?|images?|graphics?|analytic\w*|advertis\w*|ads|(?:re)?marketing|retargeting|e-?mails?|newsletters?|gather\w*|brows\w*|scripts?|sdks?|technolog\w*|monitor\w*|measur\w*|conversions?|identifiers?|facebook|meta|pinterest|tiktok|twitter|snapchat|linkedin|google|bing)\b",
    )
});

/// What a "pixel" is when it measures a screen, not a visit.
const PIXEL_MEASURES: &[&str] = &[
    "ratio",
    "resolution",
    "density",
    "dimension",
    "dimensions",
    "width",
    "height",
    "wide",
    "high",
    "tall",
    "size",
];

/// Whether a match of [`WEB_BEACONS`] names a web beacon. "Pixel" and
/// "beacon" alone also name products ("Personal Locator Beacons", a party
/// theme "Pixels"), a shop theme's maker, or a screen's "pixel ratio": alone,
/// they count only in a sentence with a word of tracking, and never before a
/// measure.
fn names_a_beacon(doc: &Document, m: &std::ops::Range<usize>) -> bool {
    let word = &doc.lower[m.clone()];
    if !matches!(word, "pixel" | "pixels" | "beacon" | "beacons") {
        return true;
    }
    if word.starts_with("pixel") && PIXEL_MEASURES.contains(&next_word(&doc.lower[m.end..])) {
        return false;
    }
    doc.sentence_at(m.start)
        .is_some_and(|i| BEACON_CONTEXT.is_match(doc.lower_sentence(i)))
}

/// Analytics, named or said in plain words: measuring visits, pages, traffic
/// and usage ("we monitor traffic patterns and site usage", "statistical data
/// on the use of our Site", "which pages are most visited", "how many visitors
/// the site has"). Measuring *ads* ("advertising effectiveness") is advertising.
static ANALYTICS: LazyLock<Pattern> = LazyLock::new(|| {
    text_pattern(
        r"(?x)\banalytics?\b
        | \banaly[sz](?:e|es|ed|ing|is)\s+(?:\w+\s+){0,4}?(?:traffic|usage|trends|visits|performance|behaviou?r|how\ (?:you|users|visitors|customers))
        | \b(?:usage|traffic|clickstream)\ (?:statistics|data|information|patterns|trends)\b
        | \b(?:site|website|web\ site)\ (?:traffic|usage|statistics)\b | \bweb\ (?:site\ )?statistics\b
        | \busage\ of\ (?:our|the|this)\ (?:site|website|web\ site)\b
        | \bstatistic(?:s|al)\b[^.;]{0,60}?\b(?:use|usage|visit\w*|traffic|pages?)\b
        | \bmeasur\w*\ (?:\w+\ ){0,3}?(?:traffic|visits|visitors|usage|engagement)
        | \b(?:track|monitor|record|count)\w*\ (?:\w+\ ){0,3}?(?:visitors|visits|traffic|usage|page\ views|pages\ visited)\b
        | \b(?:most|least)\ (?:frequently\ |often\ )?visited\b | \bpages?\ (?:are\ |were\ )?visited\b
        | \bnumber\ of\ (?:unique\ )?(?:visitors|users|visits|page\ views)\b | \bhow\ many\ (?:visitors|users|people)\b
        | \bstatistics\ tracker\b | \bpage\ views\b
        | \baggregat\w*\ (?:data\ |information\ )?(?:about\ )?(?:site\ )?(?:traffic|visits|usage|interaction)
        | \bdata\ is\ aggregated\b",
    )
});

static TARGETED_ADS: LazyLock<Pattern> = LazyLock::new(|| {
    text_pattern(
        r"(?x)\binterest[-\ ]based\b | \bbehaviou?ral\ (?:advertising|ads|targeting|marketing)
        | \btargeted\ (?:ads|advertis\w*|marketing|promotions)\b | \bpersonali[sz]ed\ (?:ads|advertis\w*)
        | \btailored\ (?:ads|advertis\w*)\b | \bretarget\w* | \bre-?market(?:ing|s|ed)?\b | \brelevant\ (?:ads|advertis\w*)
        | \bcross[-\ ]context\ behavio | \b(?:ad|advertising)\ networks?\b | \bcustom\ audiences?\b
        | \b(?:third[-\ ]party|outside)\ (?:ad|advertising)\ (?:compan(?:y|ies)|servers?)\b
        | \btarget\ (?:the\ )?interests\b | \btarget\ (?:our\ )?(?:ads|advertising|marketing)\b
        | \bads\ (?:on|across)\ (?:other|third[-\ ]party)\ (?:web)?sites\b
        | \b(?:serve|show|display)\w*\ (?:\w+\ )?(?:ads|advertisements)\b[^.;]{0,60}\bbased\ on\b",
    )
});

/// A sentence that denies a practice outright: "it is not used to track users".
static DENIES_TRACKING: LazyLock<Pattern> = LazyLock::new(|| {
    text_pattern(
        r"(?:\bnot|\bnever|n['’]t)\s+(?:\w+\s+){0,3}?(?:use|used|utili[sz]e|make use of|employ|engage in|serve|show|display)\b",
    )
});

/// Every alias of the vendor table (`vendors.rs`) as a sequence of words,
/// indexed by its first word: the services are found by one look-up per word
/// of the document's word index (no pass over the bytes of the text).
#[allow(clippy::type_complexity)]
static VENDOR_INDEX: LazyLock<Vec<(&'static str, Vec<Alias>)>> = LazyLock::new(|| {
    let mut index: Vec<(&'static str, Vec<Alias>)> = Vec::new();
    let mut group: FastMap<&'static str, usize> = FastMap::default();
    let mut add = |phrase: &'static str, vendor: usize, ambiguous: bool| {
        let ws = table_words(phrase);
        let Some(first) = ws.first() else {
            return;
        };
        let rest: Vec<&'static str> = ws[1..].to_vec();
        let alias = Alias {
            rest,
            vendor,
            ambiguous,
        };
        let g = *group.entry(first).or_insert_with(|| {
            index.push((first, Vec::new()));
            index.len() - 1
        });
        index[g].1.push(alias);
    };
    for (vendor, v) in VENDORS.iter().enumerate() {
        for alias in v.aliases {
            add(alias, vendor, v.ambiguous.contains(alias));
        }
    }
    for (name, phrase) in EXTRA_PHRASES {
        if let Some(vendor) = VENDORS.iter().position(|v| v.name == *name) {
            add(phrase, vendor, false);
        }
    }
    index
});

/// The first words of the vendor index's groups, in group order (the
/// lexicon numbers them, see [`crate::statements`]).
pub(crate) fn vendor_firsts() -> impl Iterator<Item = &'static str> {
    VENDOR_INDEX.iter().map(|(first, _)| *first)
}

/// One alias: the words after its first, its vendor (index into `VENDORS`),
/// and whether it is also an ordinary word that needs context.
struct Alias {
    rest: Vec<&'static str>,
    vendor: usize,
    ambiguous: bool,
}

/// Names that are no vendor's alias but say it: Shopify's cookie names, the
/// wording Shopify's template uses for its analytics.
pub(crate) const EXTRA_PHRASES: &[(&str, &str)] = &[
    ("Shopify Analytics", "_shopify_s"),
    ("Shopify Analytics", "_shopify_y"),
    ("Shopify Analytics", "_shopify_sa_t"),
    ("Shopify Analytics", "_shopify_sa_p"),
    ("Shopify Analytics", "_shopify_visit"),
    (
        "Shopify Analytics",
        "website provider's internal statistics",
    ),
];

/// "Google … serves ads": how AdSense's boilerplate names Google Ads.
static GOOGLE_SERVES_ADS: LazyLock<Pattern> = LazyLock::new(|| {
    text_pattern(r"\bgoogle\b[^.;]{0,60}\b(?:serves?|show|display)\w* (?:ads|advertisements)\b")
});

/// A service outside the table, by the way its name is written: "Foo
/// Analytics", "Bar Pixel" (capitalised, in a sentence that says the site uses it).
static NAMED_SERVICE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"\b[A-Z][A-Za-z0-9]{2,}(?: [A-Z][A-Za-z0-9]{2,})? (?:Analytics|Pixel)\b")
});

/// Capitalised words that start "X Analytics" without naming a vendor.
const NOT_A_VENDOR: &[&str] = &[
    "The",
    "Our",
    "This",
    "That",
    "Web",
    "Website",
    "Site",
    "Data",
    "Third",
    "Party",
    "Mobile",
    "Online",
    "Marketing",
    "Advertising",
    "Social",
    "Media",
    "Email",
    "Conversion",
    "Tracking",
    "Custom",
    "Advanced",
    "Enhanced",
    "Digital",
    "App",
    "Use",
    "Using",
    "Through",
    "For",
    "With",
    "And",
    "About",
    "Cookies",
    "Cookie",
    "Service",
    "Services",
    "Performance",
    "Statistics",
    "Other",
    "These",
    "Such",
    "Some",
    "Any",
    "All",
    "How",
    "Why",
    "What",
    "Your",
    "Its",
    "We",
    "Disable",
    "Opt",
    "Out",
    "Tag",
    "Tags",
    "Basic",
    "Product",
    "Traffic",
    "Analytics",
    "Pixel",
    "Although",
    "If",
    "When",
    "Privacy",
    "Policy",
    "Google",
    "Facebook",
    "Universal",
    "Store",
];

/// The sentence says the site uses the service (outside the name itself).
static USE_VERB: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:use|uses|used|using|utili[sz]e[sd]?|partner|partners|partnered|work with|works with|participate|participates|through|via|including|includes|such as|e\.g|provided by|powered by|employ\w*|integrat\w*|sends?|shared? with)\b",
    )
});

/// Words of tracking around a service's name.
static TRACKING_WORD: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:pixels?|tags?|cookies?|analytics|advertis\w*|ads|remarketing|retargeting|audiences?|track\w*|collect(?:s|ed|ion|ing)?|sdks?|measure\w*|statistics|conversions?)\b",
    )
});

/// Opt-out talk: a service named only to say how to opt out of it.
static OPT_OUT_TALK: LazyLock<Pattern> =
    LazyLock::new(|| pattern(r"\bopt[- ]?outs?\b|\bopting out\b|\bsettings\b|\bchoices\b"));

/// A social network named for signing in or sharing, not for tracking.
static SOCIAL_USE: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\bsign (?:in|into|on)\b|\blog ?ins?\b|\bsocial (?:media|network)\b|\bthird-party (?:website|application|platform)\b|\bfollow us\b|\blike button\b|\bshare (?:information|content|it)\b",
    )
});

/// Do Not Track, as a signal (not "we do not track users").
static DNT_MENTION: LazyLock<Pattern> = LazyLock::new(|| {
    text_pattern(
        r#"Do Not Track|DO NOT TRACK|Do-Not-Track|[“"']do[- ]not[- ]track[”"']|(?i:do[- ]not[- ]track)(?-u:\s+)(?i:signals?|features?|settings?|requests?|headers?|preferences?|mechanisms?|options?|disclosures?|browser)|(?-u:\b)DNT(?-u:\b)"#,
    )
});

static DNT_REFUSED: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"(?x)(?:\bnot|n['’]t|\bunable\ to|cannot|never|no\ longer)\s+(?:\w+\s+){0,6}?(?:respond|responding|honou?r|recogni[sz]e|process|interpret|alter|change|modify|support|act(?:s|ed|ing|ions?)?\b|obey|comply|accept|abide|treat|react)\w*
        | \bno\ (?:uniform|industry|universal|consistent|common|accepted|agreed)\ (?:\w+\ )?(?:standard|consensus|definition|understanding)
        | \b(?:standards?|consensus)\ (?:\w+\ ){0,4}?(?:has|have)\ not\ (?:yet\ )?been\ (?:adopted|established|agreed|finali[sz]ed)
        | \bignore\ (?:\w+\ )?(?:dnt|do\ not\ track|signals?)
        | \b(?:will|do|does|would|shall)\ not\ (?:\w+\ ){0,2}?disable
        | \bnot\ (?:\w+\ )?(?:operate|behave|function|work)\w*\ (?:any\ )?differently
        | \btakes?\ no\ (?:\w+\ )?action
        | \bneither\b[^.;]{0,60}?\bnor\b[^.;]{0,60}?\b(?:respond|honou?r|recogni[sz]e|support)
        | \b(?:whether\ or\ not|regardless\ of\ whether)\ (?:\w+\ ){0,6}?(?:signals?|requests?|headers?|settings?|features?|preferences?)\ (?:is|are|has\ been|have\ been)\ (?:received|sent|enabled|turned\ on|activated|detected|broadcast)
        | \b(?:handle|handles|treat|treats|process|processes|operate|operates)\b[^.;]{0,60}?\b(?:consistent\ with|as\ described\ in|in\ accordance\ with)\ (?:this|our)\ (?:privacy\ )?(?:policy|notice|statement)",
    )
});

static DNT_HONORED: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:we|site|website|services?|our systems?)\b[^.;]{0,40}?\b(?:honou?r|honou?rs|respond to|responds to|recogni[sz]e|recogni[sz]es|comply with|abide by|treat|support|supports)\b|\bwe (?:will )?(?:stop|cease|disable|turn off|no longer collect)\b|\befforts? to (?:detect|honou?r|respect|respond to|recogni[sz]e)\b",
    )
});

/// How many sentences after a Do Not Track mention still speak of it.
const DNT_FOLLOWERS: usize = 2;

static GPC: LazyLock<Pattern> = LazyLock::new(|| pattern(r"\bglobal privacy control\b|\bgpc\b"));

/// Read the tracking answers from the document.
/// `site` is the host the policy belongs to, where known: its own brand is no third party.
#[inline(never)]
pub(crate) fn assess(doc: &Document, words: &[Word], site: Option<&str>) -> Tracking {
    let mut evidence = TrackingEvidence::default();

    let cookie_denials: Vec<usize> = sentences_touched(
        doc,
        NO_COOKIES
            .find_in(doc)
            .filter(|m| !for_a_purpose(&doc.lower[m.end..])),
    );
    let cookies = if cookie_denials.is_empty() {
        affirmed(doc, &COOKIES)
    } else {
        Vec::new()
    };
    evidence.cookies = doc.quotes(cookies, MAX_QUOTES);
    let beacons = sentences_touched(
        doc,
        WEB_BEACONS.find_in(doc).filter(|m| names_a_beacon(doc, m)),
    );
    evidence.web_beacons = doc.quotes(affirmed_among(doc, &WEB_BEACONS, beacons), MAX_QUOTES);
    evidence.analytics = doc.quotes(affirmed(doc, &ANALYTICS), MAX_QUOTES);
    evidence.targeted_advertising = doc.quotes(affirmed(doc, &TARGETED_ADS), MAX_QUOTES);

    evidence.services = services(doc, words, site);
    let (do_not_track, dnt_sentences) = do_not_track(doc);
    evidence.do_not_track = doc.quotes(dnt_sentences, MAX_QUOTES);

    Tracking {
        cookies: !evidence.cookies.is_empty(),
        web_beacons: !evidence.web_beacons.is_empty(),
        analytics: !evidence.analytics.is_empty()
            || !evidence.services.is_empty() && has_analytics_service(&evidence.services),
        targeted_advertising: !evidence.targeted_advertising.is_empty(),
        services: evidence.services.iter().map(|f| f.value.clone()).collect(),
        do_not_track,
        evidence,
    }
}

fn has_analytics_service(services: &[Finding]) -> bool {
    services.iter().any(|f| {
        VENDORS.iter().any(|v| {
            v.name == f.value && matches!(v.category, Category::Analytics | Category::SessionReplay)
        }) || f.value.ends_with(" Analytics")
    })
}

/// Sentences where `re` matches (in the lowercased text), in order, each once.
pub(crate) fn matching(doc: &Document, re: &Pattern) -> Vec<usize> {
    sentences_touched(doc, re.find_in(doc))
}

/// The sentences that the given byte ranges touch, in order, each once. A
/// match may run over a sentence boundary; every sentence it overlaps counts.
pub(crate) fn sentences_touched(
    doc: &Document,
    ranges: impl Iterator<Item = std::ops::Range<usize>>,
) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for r in ranges {
        let Some(first) = doc.sentence_at(r.start) else {
            continue;
        };
        let mut i = first;
        while i < doc.sentences.len() && doc.sentences[i].span.start < r.end.max(r.start + 1) {
            if doc.sentences[i].span.end > r.start && out.last().is_none_or(|&l| l < i) {
                out.push(i);
            }
            i += 1;
        }
    }
    out
}

/// Sentences that speak of a practice without denying it, best first: those
/// that say "we use …" before mere mentions, headings last.
fn affirmed(doc: &Document, re: &Pattern) -> Vec<usize> {
    affirmed_among(doc, re, matching(doc, re))
}

/// [`affirmed`] of the sentences `matched` (those `re` matches that count).
fn affirmed_among(doc: &Document, re: &Pattern, matched: Vec<usize>) -> Vec<usize> {
    let mut hits: Vec<(u8, usize)> = matched
        .into_iter()
        .filter(|&i| {
            !DENIES_TRACKING.is_match_in_span(doc, doc.sentences[i].span.clone())
                || re.find_in_span(doc, doc.sentences[i].span.clone()).count() > 1
        })
        .map(|i| {
            let s = doc.lower_sentence(i);
            let rank = if doc.sentences[i].is_heading {
                2
            } else if says_we_use(s) {
                0
            } else {
                1
            };
            (rank, i)
        })
        .collect();
    hits.sort();
    hits.into_iter().map(|(_, i)| i).take(MAX_QUOTES).collect()
}

/// Whether `s` holds "we use", "we may use", "we also use" or "uses": one
/// search for "use" (four `str::contains` each set up a searcher of their
/// own, for every sentence that mentions a practice).
fn says_we_use(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memmem::find_iter(b, b"use").any(|p| {
        let before = &b[..p];
        b.get(p + 3) == Some(&b's')
            || before.ends_with(b"we ")
            || before.ends_with(b"we may ")
            || before.ends_with(b"we also ")
    })
}

/// The services the text says the site uses, in order of first use.
fn services(doc: &Document, words: &[Word], site: Option<&str>) -> Vec<Finding> {
    let mut hits: Vec<(String, Option<Category>, std::ops::Range<usize>)> = Vec::new();
    let mut k = 0;
    // The words that start an alias, found by a search of their own (most start none).
    while let Some(p) = words[k..].iter().position(|w| w.lex.vendors != 0) {
        k += p;
        // The longest alias that starts at this word.
        // (The lexicon reads "shopify’s" as "shopify's".)
        let group = usize::from(words[k].lex.vendors);
        let best = VENDOR_INDEX[group - 1]
            .1
            .iter()
            .filter(|a| {
                a.rest.len() < words.len() - k
                    && a.rest
                        .iter()
                        .enumerate()
                        .all(|(j, r)| same(words[k + 1 + j].w, r))
            })
            .max_by_key(|a| a.rest.len());
        let Some(alias) = best else {
            k += 1;
            continue;
        };
        let last = &words[k + alias.rest.len()];
        let (start, end) = (words[k].at(), last.at() + last.w.len());
        k += alias.rest.len() + 1;
        let vendor = &VENDORS[alias.vendor];
        if site.is_some_and(|host| own_brand(vendor, host)) {
            continue;
        }
        // An alias that is also a word ("Heap", "Drift") counts capitalised
        // and beside words of tracking.
        if alias.ambiguous {
            let capital = doc.text.as_bytes()[start].is_ascii_uppercase();
            let sentence = doc.sentence_at(start).map_or("", |i| doc.lower_sentence(i));
            if !capital || !TRACKING_WORD.is_match(sentence) {
                continue;
            }
        }
        hits.push((vendor.name.to_string(), Some(vendor.category), start..end));
    }
    for m in GOOGLE_SERVES_ADS.find_in(doc) {
        hits.push((
            "Google Ads".to_string(),
            Some(Category::Advertising),
            m.start..m.start + 6,
        ));
    }
    // Only lines with " Analytics" or " Pixel" can hold one (most have neither).
    for m in find_in_lines(&NAMED_SERVICE, doc.text, &[" Analytics", " Pixel"]) {
        let name = &doc.text[m.clone()];
        let first = name.split(' ').next().unwrap_or("");
        if NOT_A_VENDOR.contains(&first)
            || hits
                .iter()
                .any(|h| h.2.start <= m.start && m.start < h.2.end)
        {
            continue;
        }
        hits.push((name.to_string(), None, m));
    }
    hits.sort_by_key(|h| h.2.start);

    let mut found: Vec<Finding> = Vec::new();
    for (name, category, m) in &hits {
        let (category, m) = (*category, m.clone());
        let Some(i) = doc.sentence_at(m.start) else {
            continue;
        };
        let span = &doc.sentences[i].span;
        // A name must lie inside its sentence (one cut across a boundary is no name).
        if m.start < span.start
            || m.end > span.end
            || negated_before(&doc.lower, span.start, m.start)
        {
            continue;
        }
        // The name inside a URL ("facebook.com/settings") is a link, not a use.
        let after = doc.lower.as_bytes().get(m.end).copied();
        if matches!(after, Some(b'.') | Some(b'/'))
            && doc.lower[m.end..]
                .chars()
                .nth(1)
                .is_some_and(|c| c.is_ascii_alphanumeric())
        {
            continue;
        }
        let s = doc.lower_sentence(i);
        let (rel_start, rel_end) = (m.start - span.start, m.end - span.start);
        // The words around the name, without addresses: "Bing: https://…/personalized-ads"
        // lists a link, the "ads" in it says nothing.
        let context = without_urls(&format!("{} {}", &s[..rel_start], &s[rel_end..]));
        // A bare social network's name, or a data co-op ("we work with
        // Epsilon"), is tracking only beside words of tracking.
        let bare_social = (category == Some(Category::Social)
            && !doc.lower[m.clone()].contains(' '))
            || category == Some(Category::CustomerData);
        let uses = if bare_social {
            TRACKING_WORD.is_match(&context)
                && !SOCIAL_USE.is_match(&context)
                && !OPT_OUT_TALK.is_match(&context)
        } else {
            USE_VERB.is_match(&context)
                || (TRACKING_WORD.is_match(&context) && !OPT_OUT_TALK.is_match(&context))
        };
        if !uses {
            continue;
        }
        let reading = match category {
            Some(c) => format!("service: the site uses {name} ({})", c.describe()),
            None => format!("service: the site uses {name}"),
        };
        match found.iter_mut().find(|f| f.value == *name) {
            Some(f) => {
                if f.evidence.len() < MAX_QUOTES
                    && !f.evidence.iter().any(|q| q.start == span.start)
                {
                    f.evidence.push(doc.quote(i).with_reading(&reading));
                }
            }
            None => found.push(Finding {
                value: name.clone(),
                evidence: vec![doc.quote(i).with_reading(&reading)],
            }),
        }
    }
    found
}

/// Whether a vendor is the site's own brand (Amazon's policy on Amazon
/// Advertising, Microsoft's on Bing): the host holds the first word of one of its aliases.
fn own_brand(vendor: &crate::vendors::Vendor, host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').filter(|l| l.len() >= 4).collect();
    vendor.aliases.iter().any(|a| {
        let first = a.split([' ', '.']).next().unwrap_or("");
        first.len() >= 4 && labels.contains(&first)
    })
}

/// `s` with its URLs (words holding "://" or starting "www.") left out.
fn without_urls(s: &str) -> String {
    s.split_whitespace()
        .filter(|w| !w.contains("://") && !w.starts_with("www."))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The site's stance on Do Not Track, and the sentences that say it.
fn do_not_track(doc: &Document) -> (DoNotTrack, Vec<usize>) {
    // The sentences about DNT: those naming it, those under a DNT heading,
    // and the one right after a mention ("… DNT signals. We do not respond to them.").
    let mentions = sentences_touched(doc, DNT_MENTION.find_in_text(doc));
    if mentions.is_empty() {
        return (DoNotTrack::NotMentioned, Vec::new());
    }
    let mentioned = |i: usize| mentions.binary_search(&i).is_ok();
    let mut context: Vec<usize> = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        let under_heading = s.heading.is_some_and(mentioned);
        // The two sentences after a mention, if no heading comes between.
        let follows = !s.is_heading
            && (i.saturating_sub(DNT_FOLLOWERS)..i)
                .rev()
                .take_while(|&j| !doc.sentences[j].is_heading)
                .any(mentioned);
        if mentioned(i)
            // A sentence on Global Privacy Control alone is not about DNT.
            || ((under_heading || follows) && !GPC.is_match(doc.lower_sentence(i)))
        {
            context.push(i);
        }
    }
    if context.is_empty() {
        return (DoNotTrack::NotMentioned, Vec::new());
    }
    let refused: Vec<usize> = context
        .iter()
        .copied()
        .filter(|&i| DNT_REFUSED.is_match(doc.lower_sentence(i)))
        .collect();
    if !refused.is_empty() {
        return (DoNotTrack::NotHonored, refused);
    }
    let honored: Vec<usize> = context
        .iter()
        .copied()
        .filter(|&i| {
            let base = doc.sentences[i].span.start;
            DNT_HONORED
                .find_in_span(doc, doc.sentences[i].span.clone())
                .any(|m| !negated_before(&doc.lower, base, base + m.end.saturating_sub(1)))
        })
        .collect();
    if !honored.is_empty() {
        return (DoNotTrack::Honored, honored);
    }
    (DoNotTrack::NotMentioned, Vec::new())
}

/// Build this module's patterns and tables now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    force![
        COOKIES,
        NO_COOKIES,
        WEB_BEACONS,
        BEACON_CONTEXT,
        ANALYTICS,
        TARGETED_ADS,
        DENIES_TRACKING,
        VENDOR_INDEX,
        GOOGLE_SERVES_ADS,
        NAMED_SERVICE,
        USE_VERB,
        TRACKING_WORD,
        OPT_OUT_TALK,
        SOCIAL_USE,
        DNT_MENTION,
        DNT_REFUSED,
        DNT_HONORED,
        GPC
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_we_use_is_the_four_phrases() {
        let old = |s: &str| {
            s.contains("we use")
                || s.contains("we may use")
                || s.contains("we also use")
                || s.contains("uses")
        };
        for s in [
            "we use cookies",
            "we may use pixels",
            "we also use analytics",
            "the site uses tags",
            "we user",
            "use",
            "we  use",
            "they may use",
            "because we used",
            "reuses",
            "we also usefully",
            "",
        ] {
            assert_eq!(says_we_use(s), old(s), "{s:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn whole_text_patterns_go_through_the_shared_scan() {
        crate::pattern::assert_scan_agrees(&[
            ("COOKIES", &COOKIES),
            ("DENIES_TRACKING", &DENIES_TRACKING),
            ("NO_COOKIES", &NO_COOKIES),
            ("WEB_BEACONS", &WEB_BEACONS),
            ("ANALYTICS", &ANALYTICS),
            ("TARGETED_ADS", &TARGETED_ADS),
            ("GOOGLE_SERVES_ADS", &GOOGLE_SERVES_ADS),
            ("DNT_MENTION", &DNT_MENTION),
        ]);
    }

    fn tracking(text: &str) -> Tracking {
        let doc = Document::new(text, &[]);
        assess(&doc, &crate::statements::index(&doc), None)
    }

    #[test]
    fn flags_need_a_practice_not_a_denial() {
        let t = tracking("We do not track users across visits and we do not make use of cookies. Cookies are small text files.");
        assert!(!t.cookies);
        let t = tracking("We use cookies and pixel tags. We use Google Analytics to analyze site traffic. Our ad network partners show interest-based ads.");
        assert!(t.cookies && t.web_beacons && t.analytics && t.targeted_advertising);
        assert_eq!(t.services, ["Google Analytics"]);
    }

    #[test]
    fn services_only_linked_for_opt_out_are_not_listed() {
        let t = tracking("You can opt out here:\nFacebook: https://www.facebook.com/settings/?tab=ads\nGoogle: https://www.google.com/settings/ads/anonymous");
        assert!(t.services.is_empty());
    }

    #[test]
    fn do_not_track_stances() {
        let dnt = |s: &str| tracking(s).do_not_track;
        assert_eq!(dnt("Please note that we do not alter our Site’s data collection and use practices when we see a Do Not Track signal from your browser."), DoNotTrack::NotHonored);
        assert_eq!(dnt("Some websites have “do not track” features. These features are not all uniform. We do not currently respond to those signals."), DoNotTrack::NotHonored);
        assert_eq!(dnt("Not all browsers offer a DNT option and there is currently no industry consensus for how to recognize or respond to a DNT signal."), DoNotTrack::NotHonored);
        assert_eq!(dnt("When you turn on DNT in your browser, we stop collecting information about your visits."), DoNotTrack::Honored);
        assert_eq!(
            dnt("Our site does not support Do Not Track requests at this time."),
            DoNotTrack::NotHonored
        );
        assert_eq!(dnt("We honor Do Not Track signals and do not track, plant cookies, or use advertising when a DNT browser mechanism is in place."), DoNotTrack::Honored);
        assert_eq!(
            dnt("We do not track users across visits."),
            DoNotTrack::NotMentioned
        );
        assert_eq!(
            dnt("We honor Global Privacy Control signals."),
            DoNotTrack::NotMentioned
        );
    }

    /// "We do not use cookies to store personal data" limits a use; it does not deny cookies.
    #[test]
    fn cookie_denials_for_a_purpose_deny_that_use_only() {
        let cookies = |s: &str| tracking(s).cookies;
        assert!(cookies("We do not use cookies to store personal data. Like most websites, we use cookies to remember your cart."));
        assert!(!cookies(
            "We do not use cookies. Cookies are small text files."
        ));
        assert!(!cookies("Our shop does not utilize cookies at this time."));
    }

    /// "Pixel" and "beacon" alone are web beacons only where the sentence speaks of tracking.
    #[test]
    fn bare_pixels_and_beacons_need_a_word_of_tracking() {
        let beacons = |s: &str| tracking(s).web_beacons;
        assert!(beacons(
            "Our emails contain pixels that tell us when a message is opened."
        ));
        assert!(beacons(
            "Tracking technologies also used are beacons, tags, and scripts."
        ));
        assert!(beacons("We use web beacons."));
        assert!(!beacons(
            "Shop our Personal Locator Beacons and avalanche transceivers."
        ));
        assert!(!beacons("Party themes: Pirates, Pixels, Princesses."));
        assert!(!beacons("This cookie records your device's pixel ratio."));
        assert!(!beacons(
            "Set your monitor to a 1024 x 768 pixel resolution."
        ));
    }

    /// Ad networks named as the companies that serve the site's ads, and remarketing as a verb.
    #[test]
    fn targeted_advertising_through_ad_companies() {
        let targeted = |s: &str| tracking(s).targeted_advertising;
        assert!(targeted(
            "We use third-party advertising companies to serve ads when you visit our shop."
        ));
        assert!(targeted(
            "Some pages use an outside ad company to display ads."
        ));
        assert!(targeted(
            "We may remarket to visitors who left items in their cart."
        ));
        assert!(!targeted(
            "We do not use third-party advertising companies."
        ));
        assert!(!targeted(
            "We advertise our own products in our newsletter."
        ));
    }

    /// Refusals and promises said in other words than "we do not respond".
    #[test]
    fn do_not_track_stances_in_other_words() {
        let dnt = |s: &str| tracking(s).do_not_track;
        for refused in [
            "Our store takes no action when it receives a Do Not Track request.",
            "Neither the shop nor its partners respond to browser Do Not Track signals.",
            "Our practices stay the same whether or not a Do Not Track signal is received.",
            "There is no common reading of DNT signals, so we treat all visitors as this Privacy Policy describes and process their data consistent with this Privacy Policy.",
            "At present our site will not operate any differently when it sees a Do Not Track signal.",
            "We do not change or modify what we collect when a Do Not Track request arrives.",
            "We will not disable the analytics on our pages because of a Do Not Track signal.",
            "We currently make no promise and do not make any guarantee that we will honor DNT signals.",
            "The shop does not take action in response to Do Not Track signals.",
        ] {
            assert_eq!(dnt(refused), DoNotTrack::NotHonored, "{refused}");
        }
        for honored in [
            "Do Not Track. We support Do Not Track (DNT) in every browser.",
            "Our store uses reasonable efforts to detect and honor Do Not Track signals.",
        ] {
            assert_eq!(dnt(honored), DoNotTrack::Honored, "{honored}");
        }
        // What DNT is, not what the site does with it ("activities" is not "act").
        assert_eq!(
            dnt("Some browsers send a Do Not Track signal saying that you do not want your online activities tracked."),
            DoNotTrack::NotMentioned
        );
        // A link to where it is explained is no stance (the phrase's own "not" is not a refusal).
        assert_eq!(
            dnt("See our cookie page on Do Not Track and how to disable cookies."),
            DoNotTrack::NotMentioned
        );
    }
}
