//! Opt-out: every way the policy offers to say no — the URLs whose purpose is
//! to opt out or control one's data, the e-mail addresses for privacy
//! requests, and the mechanisms of the closed vocabulary of `LABELS.md`.
//!
//! A URL counts when its address is a known opt-out tool (the ad-industry
//! choice pages, the Google Analytics add-on, ad-settings pages), or when the
//! sentence that carries it (with its anchor text) asks the reader to act:
//! opt out, unsubscribe, manage, adjust, delete, object… A policy page, a
//! third party's privacy policy or an information page is not an opt-out.

use crate::links::{clean_email, url_key, FoundEmail, FoundUrl};
use crate::report::{Finding, Mechanism, OptOut, OptOutEvidence};
use crate::selling::{DO_NOT_SELL_LINK, OPT_OUT_OF_HAVING_SOLD};
use crate::text::{negated_before, pattern, text_pattern, Document, Pattern};
use crate::tracking::matching;
use crate::Link;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Quotes kept per item.
const MAX_QUOTES: usize = 2;

/// Page links whose sentence is looked up in the text (each look-up reads the text once).
const MAX_LINK_LOOKUPS: usize = 200;

/// Words in a link (address or text) that may make it a way to opt out or choose.
static CHOICE_WORDS: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"opt|choice|prefer|unsubscri|setting|account|cookie|ads|advertis|sell|request|delet|privacy|manage|control|form|rights",
    )
});

/// Addresses that are opt-out tools whatever the sentence says.
static OPT_OUT_TOOL_URL: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"(?x)^(?:optout\.|preferences-mgr\.truste\.com|youradchoices\.|youronlinechoices\.|aboutads\.info|networkadvertising\.org(?:/(?:choices|mobile-choices|optout|managing))?$|networkadvertising\.org/(?:choices|mobile-choices|optout)
        |tools\.google\.com/dlpage/gaoptout|adssettings\.google\.|google\.com/settings/ads|myadcenter\.google\.|facebook\.com/(?:settings.*ads|ads/preferences|adpreferences)
        |optoutprescreen\.com|.*bingads.*personalized-ads|.*/privacy/opt-?out|allaboutcookies\.org|macromedia\.com/.*settings_manager|.*optout\.)",
    )
});

/// Addresses that are never a choice, even on an opt-out tool's site: lists
/// of members, explanations, Do Not Track information, regulators.
static NOT_A_CHOICE_URL: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"/participating|understanding-online-advertising|how-does-it-work|allaboutdnt|/dnt\b|do-not-track|globalprivacycontrol\.org|\.gov(?:/|$)|ico\.org\.uk|schema\.org",
    )
});

/// Browsers' help pages and the cookie-help sites: a choice when offered in a
/// sentence about cookies ("see your browser's help on deleting cookies: …").
static COOKIE_HELP_URL: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"^(?:support\.google\.com/(?:chrome|accounts)/|support\.mozilla\.org/|support\.microsoft\.com/|windows\.microsoft\.com/|support\.apple\.com/|help\.apple\.com/|help\.opera\.com/|(?:all)?aboutcookies\.org)",
    )
});

/// Words of a sentence that offers a way to refuse or clear cookies.
static COOKIE_ACTION: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:manag|delet|block|disabl|refus|reject|remov|control|clear|turn\w* off|erase|settings|opt)",
    )
});

/// "Learn more about how to manage the security settings of your device": not about your data.
static NOT_AN_ACTION: LazyLock<Pattern> =
    LazyLock::new(|| pattern(r"\bsecurity settings\b|\bpassword\b"));

/// Addresses that are pages of information, not choices.
static INFO_URL: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"(?x)(?:privacy-?policy|privacy-?notice|privacy-?statement|/privacy(?:\.html?|\.php|/)?$|/legal/privacy|/policies/|/terms|terms-of|user_agreement|services-privacy-policy|
        /collections/|/cart$|/products/|/blogs?/|shipping|returns?\b|/about\b)",
    )
});

/// The reader is asked to act on their data.
static ACTION: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"(?x)\bopt(?:[-\ ]?out|ing\ out)\b|\bunsubscrib\w*|\bdo\ not\ sell\b|\bmanag\w*|\badjust\w*|\bchange\ (?:your|my)\b|\bupdat\w*\ (?:your|or)\b|\bcontrol(?:s|ling)?\b|\bedit\b|\bdisabl\w*
        |\bdelet\w*|\bremov\w*|\brestrict\w*\ (?:the\ )?(?:processing|use|how)|\bobject\w*\ to\b|\bwithdraw\w*|\bstop\ receiving|\bno\ longer\ (?:wish|want)|\bprivacy\ choices\b|\bpreferences?\b|\bsettings?\b
        |\bexercise\w*\ (?:your|these|any|the)|\bsubmit\ a\ request\b|\blimit\w*\ (?:the\ use|ad|tracking)",
    )
});

/// "To access / to correct your data": a right that only hands out or fixes data.
static COPY_ONLY: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"^(?:to )?(?:access|correct|rectif\w*|obtain a copy|request (?:a copy|access))\b|\b(?:to|may) (?:access|correct) (?:to )?your (?:inaccurate )?personal|\b(?:update|access) your (?:account|contact) information\b|\bupdate your accounts?\b",
    )
});

/// E-mail addresses of regulators and of matters other than privacy.
static UNRELATED_EMAIL_CONTEXT: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\baccessibility\b|\bsample requests?\b|\bjob\b|\bcareers?\b|\bpress\b|\bdepartment of consumer affairs\b|\bsupervisory authority\b|\bcommissioner\b|\battorney general\b",
    )
});

/// What makes an address one for privacy matters.
static PRIVACY_EMAIL_CONTEXT: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\bprivacy\b|\bpersonal (?:information|data)\b|\bopt[- ]?out\b|\bunsubscrib\w*|\brights?\b|\bdelet\w*|\bremov\w*|\bpolicy\b|\bsecurity\b|\bdata\b|\bpreferences?\b|\bcommunications\b|\bstop receiving\b|\bconcerns?\b|\bquestions?\b|\bcomplaints? about\b|\bconsent\b|\bmarketing\b|\bgdpr\b|\bccpa\b",
    )
});

/// How many sentences back an address's context may reach over a contact block's lines.
const MAX_CONTACT_BLOCK: usize = 5;

/// A line of a contact block: a short one that names a way of contact
/// ("By post: …", "Tel: …", "Address: …").
fn contact_line(s: &str) -> bool {
    const LABELS: &[&str] = &[
        "by post",
        "by mail",
        "by phone",
        "by telephone",
        "by fax",
        "by email",
        "by e-mail",
        "post",
        "mail",
        "phone",
        "telephone",
        "tel",
        "fax",
        "address",
        "postal address",
        "in writing",
    ];
    s.len() <= 120
        && s.split_once(':')
            .is_some_and(|(label, _)| LABELS.contains(&label.trim()))
}

/// Words of advertising and tracking, for [`Mechanism::DeviceSettings`].
static AD_WORDS: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\badvertis\w*|\bads?\b|\btrack\w*|\bidentifiers?\b|\bids?\b|\binterest-based\b|\bpersonali[sz]ed\b|\bappchoices\b|\bmarketing\b|\bfacebook\b|\bparticipating companies\b",
    )
});

/// Regulators and authorities: their addresses are not the site's.
fn regulator_domain(address: &str) -> bool {
    let domain = address
        .rsplit('@')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    domain.ends_with(".gov")
        || domain.contains(".gov.")
        || domain.ends_with("ico.org.uk")
        || domain.ends_with(".gc.ca")
        || domain.ends_with("cnil.fr")
        || domain.ends_with("edpb.europa.eu")
}

/// The mechanisms and the sentence patterns that show each.
static MECHANISMS: LazyLock<Vec<(Mechanism, Pattern)>> = LazyLock::new(|| {
    vec![
        (
            Mechanism::BrowserSettings,
            text_pattern(
                r"(?x)\bbrowsers?\b[^.;]{0,120}?\b(?:refuse|reject|disable|block|delete|remove|decline|turn\ off|adjust|configur\w*|set\ (?:your|it|the)|instruct|notif\w*|warn\w*|alert|accept|manage|control|clear|erase)\w*\b
                |\bbrowser(?:['’]s)?\ (?:settings|preferences|options|help|instructions|controls)\b
                |\b(?:refuse|reject|disable|block|delete|remove|decline|turn\ off|clear|manage|control)\w*\ (?:\w+\ ){0,4}?cookies\b[^.;]{0,80}\bbrowser
                |\bcookie\ settings\b
                |\b(?:how\ to|you\ can|you\ may|able\ to)\s+(?:\w+\s+){0,3}?(?:disable|block|delete|remove|refuse|reject|manage|control|erase|clear)\w*\s+(?:\w+\s+){0,2}?cookies\b",
            ),
        ),
        (
            Mechanism::UnsubscribeLink,
            text_pattern(
                r#"(?x)\bunsubscrib\w*|\bopt[-\ ]?out\ link\b|\binstructions\ (?:included\ |provided\ |contained\ )?(?:with)?in\ (?:the\ body\ of\ )?(?:each|any|every|the|our|those|these)\ (?:\w+\ )?(?:e-?mails?|messages?|communications?)\b
                |\blink\ (?:provided\ |included\ |located\ |found\ )?(?:at\ the\ bottom\ of|in)\ (?:each|any|every|the|our)\ (?:marketing\ |promotional\ )?(?:e-?mails?|messages?)"#,
            ),
        ),
        (
            Mechanism::ReplyStop,
            text_pattern(
                r#"\b(?:reply|replying|text|texting|respond|responding|send|sending|message)\b(?: with)?(?: the word)? ["“']?stop\b|\bstop["”']? to (?:cancel|unsubscribe|opt[- ]?out|end|quit)\b"#,
            ),
        ),
        (
            Mechanism::AccountSettings,
            text_pattern(
                r"(?x)\b(?:your|my)\ (?:online\ )?(?:\w+\ )?account\b[^.;]{0,80}\b(?:settings|preferences|profile|page)\b|\baccount\ (?:settings|preferences|page)\b
                |\b(?:log|logging|sign|signing)\ ?(?:in|into|on)\ (?:to\ )?(?:your|the)\b[^.;]{0,60}\b(?:account|profile)\b|\b(?:communication|e-?mail|marketing|notification|privacy|advertising)\ preferences\b
                |\bpreference\ cent(?:er|re)\b|\bprivacy\ (?:settings|choices)\b|\bprofile\ settings\b|\byour\ account\b[^.;]{0,60}\b(?:update|change|edit|manage|opt)\w*",
            ),
        ),
        (
            Mechanism::ContactRequest,
            text_pattern(
                r"(?x)\b(?:contact(?:ing)?\ us|e-?mail(?:ing)?\ us|writ(?:e|ing)\ (?:to\ )?us|call(?:ing)?\ us|send(?:ing)?\ (?:us\ )?(?:an?\ )?(?:e-?mail|letter|request)|notify(?:ing)?\ us|by\ (?:e-?mail|mail|phone|telephone|calling|contacting|emailing|writing)|toll[-\ ]free|submit(?:ting)?\ a\ (?:written\ )?request
                |(?:using|use|through|via)\ (?:the\ |our\ )?contact\ (?:information|details|form|page)s?)\b
                |\b(?:address(?:ed)?|sen[dt]|direct(?:ed)?|forward(?:ed)?|submit(?:ted)?|e-?mail(?:ed)?|mail(?:ed)?|writ(?:e|ing)|contact(?:ing)?)\ (?:(?:them|it|requests?|your\ requests?)\ )?(?:to\ )?(?:us\ at\ )?[a-z0-9._%+-]+@[a-z0-9-]+\.",
            ),
        ),
        (
            Mechanism::AdIndustryOptout,
            text_pattern(
                r"\baboutads\b|\bnetworkadvertising\b|\byouradchoices\b|\byour ?ad ?choices\b|\byouronlinechoices\b|\bdigital advertising alliance\b|\bnetwork advertising initiative\b|\bedaa\b|\btruste\b|\badchoices\b|\bnai\b|\bdaa\b",
            ),
        ),
        (
            Mechanism::AnalyticsOptout,
            text_pattern(
                r"\bgaoptout\b|\bgoogle analytics opt[- ]?out\b|\bopt[- ]?out (?:of|from) (?:being tracked by )?(?:google|adobe) analytics\b|\banalytics (?:opt[- ]?out|opt-out browser add-on)\b|\badobe\.com/privacy/opt-out\b|\bopt out of (?:\w+ ){0,3}analytics\b",
            ),
        ),
        (
            Mechanism::DoNotSellLink,
            text_pattern(&format!(
                r#"{DO_NOT_SELL_LINK}|\bopt[- ]?out (?:of|from)\b[^.;]{{0,50}}?["“]?(?:sale|sales|selling|sharing)["”]? of\b|{OPT_OUT_OF_HAVING_SOLD}"#
            )),
        ),
        (
            Mechanism::Gpc,
            text_pattern(r"\bglobal privacy control\b|\bgpc\b|\bopt-out preference signals?\b"),
        ),
        (
            Mechanism::DeviceSettings,
            text_pattern(
                r"\blimit ad tracking\b|\b(?:reset|limit|opt[- ]?out|disable|turn off|settings)\b[^.;]{0,60}\b(?:advertising|ad) (?:id|identifier)s?\b|\b(?:advertising|ad) (?:id|identifier)s?\b[^.;]{0,60}\b(?:settings|reset|limit|opt[- ]?out|disable)\b|\b(?:mobile )?device(?:['’]s)? (?:settings|privacy settings)\b|\bappchoices\b|\bopt[- ]?out of (?:interest-based|personali[sz]ed) (?:ads|advertising) (?:on|in|through) (?:your )?mobile\b",
            ),
        ),
    ]
});

/// "If we ever decide to sell …, we will include a link": nothing to use today.
static FUTURE_OR_CONDITIONAL: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\bif we (?:ever )?(?:decide|begin|start|choose|sell)\b|\bwe will (?:update|add|include|provide) (?:you|a link)\b",
    )
});

/// A way to act on an offer: a link, a form, a button.
static INSTRUCTION: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:click\w*|visit\w*|link|submit\w*|form|toggle|page|footer|https?|settings|set your|button|tool)\b",
    )
});

/// The purposes a contact must serve to be an opt-out request.
static CONTACT_PURPOSE: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\bopt(?:[- ]?out|ing out)\b|\bunsubscrib\w*|\bstop receiving\b|\bno longer (?:wish|want)|\bremov\w*|\bdelet\w*|\bexercis\w*|\brights?\b|\brequests?\b|\bwithdraw\w*|\bobject\w*|\brestrict\w*|\bpreferences?\b|\bdo not sell\b|\b(?:in)?correct\w*|\baccess\b|\binaccurate\b|\bamend\w*|\brectif\w*|\bcopy of\b",
    )
});

/// Read the opt-out answers from the document, its URLs, e-mails and page links.
#[inline(never)]
pub(crate) fn assess(
    doc: &Document,
    urls: &[FoundUrl],
    emails: &[FoundEmail],
    page_links: &[Link],
) -> OptOut {
    let evidence = OptOutEvidence {
        urls: opt_out_urls(doc, urls, page_links),
        emails: privacy_emails(doc, emails, page_links),
        mechanisms: mechanisms(doc),
    };
    OptOut {
        urls: evidence.urls.iter().map(|f| f.value.clone()).collect(),
        emails: evidence.emails.iter().map(|f| f.value.clone()).collect(),
        mechanisms: evidence
            .mechanisms
            .iter()
            .filter_map(|f| Mechanism::ALL.iter().copied().find(|m| m.name() == f.value))
            .collect(),
        evidence,
        request: crate::requests::read(doc),
    }
}

fn opt_out_urls(doc: &Document, urls: &[FoundUrl], page_links: &[Link]) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut consider = |url: &str, sentence: Option<usize>, clause: &str, anchor: &str| {
        let key = url_key(url);
        if key.is_empty() || seen.contains(&key) {
            return;
        }
        // Tools are known by address (with its query: "facebook.com/settings?tab=ads").
        let lower_url = url.to_ascii_lowercase();
        let address = lower_url
            .split_once("://")
            .map_or(lower_url.as_str(), |(_, rest)| rest);
        let address = address.strip_prefix("www.").unwrap_or(address);
        // Each test is made only where the ones before leave the answer open
        // (the patterns are what a URL costs).
        let never = NOT_A_CHOICE_URL.is_match(&key);
        let tool = !never && OPT_OUT_TOOL_URL.is_match(address);
        let keep = tool || {
            let context = format!("{} {}", clause, anchor.to_ascii_lowercase());
            // A cookie page offered to "manage / delete / block cookies" is a
            // choice, though a page of help; so is a browser's help page offered so.
            let cookie_talk = || context.contains("cookie") || context.contains("browser");
            let cookie_choices = !never
                && (key.contains("cookie") || (cookie_talk() && COOKIE_HELP_URL.is_match(address)))
                && COOKIE_ACTION.is_match(&context);
            // The site's home page ("on our website www.shop.example") is no choice.
            let home_page = !address.trim_end_matches('/').contains('/');
            cookie_choices
                || (!home_page
                    && !never
                    && !INFO_URL.is_match(&key)
                    && ACTION.is_match(&context)
                    && !COPY_ONLY.is_match(context.trim_start())
                    && !NOT_AN_ACTION.is_match(&context))
        };
        if keep {
            seen.insert(key);
            out.push(Finding {
                value: url.to_string(),
                evidence: sentence.map(|i| vec![doc.quote(i)]).unwrap_or_default(),
            });
        }
    };
    for (n, u) in urls.iter().enumerate() {
        let sentence = u.span.as_ref().and_then(|s| doc.sentence_at(s.start));
        let context = match (sentence, &u.span) {
            (Some(i), Some(span)) => {
                url_clause(doc, i, span, urls.get(n.wrapping_sub(1)), urls.get(n + 1))
            }
            _ => String::new(),
        };
        consider(
            &u.url,
            sentence,
            &context,
            u.anchor.as_deref().unwrap_or(""),
        );
    }
    // A shop page has thousands of links ("Women", "Cart"…): look up the
    // sentence of only those that could be a choice, and of at most so many.
    let mut looked_up = 0;
    for link in page_links {
        let href = link.href.trim();
        let lower = href.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            continue;
        }
        let could_be_choice =
            CHOICE_WORDS.is_match(&lower) || CHOICE_WORDS.is_match(&link.text.to_ascii_lowercase());
        if !could_be_choice || looked_up >= MAX_LINK_LOOKUPS {
            continue;
        }
        looked_up += 1;
        let sentence = anchor_sentence(doc, &link.text);
        let clause = sentence.map_or(String::new(), |i| doc.lower_sentence(i).to_string());
        consider(href, sentence, &clause, &link.text);
    }
    out
}

/// The words of sentence `i` that belong to the URL at `span`: from the end
/// of the URL before it (or the sentence start) to the start of the next one,
/// stopping after the URL at the first clause break (", and", ";"), so that
/// "…update your account information at <A>, and adjust your e-mail
/// preferences at <B>" gives each URL its own verb.
fn url_clause(
    doc: &Document,
    i: usize,
    span: &std::ops::Range<usize>,
    prev: Option<&FoundUrl>,
    next: Option<&FoundUrl>,
) -> String {
    let sentence = doc.sentences[i].span.clone();
    let in_sentence = |u: Option<&FoundUrl>| {
        u.and_then(|u| u.span.clone())
            .filter(|s| sentence.contains(&s.start))
    };
    let from = in_sentence(prev).map_or(sentence.start, |s| s.end.max(sentence.start));
    let to = in_sentence(next).map_or(sentence.end, |s| s.start.min(sentence.end));
    let (from, to) = (from.min(span.start), to.max(span.end));
    let before = &doc.lower[from..span.start];
    let after = &doc.lower[span.end..to];
    let after = CLAUSE_END.find(after).map_or(after, |m| &after[..m.start]);
    format!("{before} {after}")
}

static CLAUSE_END: LazyLock<Pattern> = LazyLock::new(|| pattern(r",? and\b|;|, or\b|\. "));

/// The sentence where a link's anchor text stands, if it is distinctive enough to find.
fn anchor_sentence(doc: &Document, anchor: &str) -> Option<usize> {
    let anchor = anchor.trim();
    if anchor.len() < 4 {
        return None;
    }
    let pos = doc.lower.find(&anchor.to_ascii_lowercase())?;
    doc.sentence_at(pos)
}

fn privacy_emails(doc: &Document, emails: &[FoundEmail], page_links: &[Link]) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    let mailtos = page_links.iter().filter_map(|l| {
        let href = l.href.trim();
        let rest = href
            .get(..7)
            .filter(|p| p.eq_ignore_ascii_case("mailto:"))
            .map(|_| &href[7..])?;
        let address = clean_email(rest.split('?').next().unwrap_or(rest))?;
        Some((address, l.text.to_ascii_lowercase()))
    });
    let found = emails
        .iter()
        .map(|e| {
            (
                e.address.clone(),
                doc.sentence_at(e.span.start),
                String::new(),
            )
        })
        .chain(mailtos.map(|(a, anchor)| {
            // Where the address is written, else where the link's words stand.
            let at = doc
                .lower
                .find(&a.to_ascii_lowercase())
                .and_then(|p| doc.sentence_at(p));
            (a, at.or_else(|| anchor_sentence(doc, &anchor)), anchor)
        }));
    let mut index: HashMap<String, usize> = HashMap::new();
    for (address, sentence, anchor) in found {
        if regulator_domain(&address) {
            continue;
        }
        let key = address.to_ascii_lowercase();
        if let Some(f) = index.get(&key).map(|&n| &mut out[n]) {
            if let Some(i) = sentence {
                if f.evidence.len() < MAX_QUOTES
                    && !f
                        .evidence
                        .iter()
                        .any(|q| q.start == doc.sentences[i].span.start)
                {
                    f.evidence.push(doc.quote(i));
                }
            }
            continue;
        }
        // Read the sentence, the one before it (for "…contact us at:" then the
        // address), and the heading it stands under.
        let context = match sentence {
            Some(i) => {
                // Two sentences back: "…questions about this policy? Contact us: / <site> / <address>";
                // further over the lines of a contact block ("By post: …" / "By phone: …").
                let mut from = i.saturating_sub(2);
                while from > 0
                    && i - from < MAX_CONTACT_BLOCK
                    && contact_line(doc.lower_sentence(from))
                {
                    from -= 1;
                }
                let before: Vec<&str> = (from..i).map(|j| doc.lower_sentence(j)).collect();
                format!(
                    "{} {} {} {}",
                    before.join(" "),
                    doc.lower_sentence(i),
                    doc.heading_of(i),
                    anchor
                )
            }
            None => anchor,
        };
        let own_sentence = sentence.map_or("", |i| doc.lower_sentence(i));
        if UNRELATED_EMAIL_CONTEXT.is_match(own_sentence)
            || !PRIVACY_EMAIL_CONTEXT.is_match(&context)
        {
            continue;
        }
        index.insert(key, out.len());
        out.push(Finding {
            value: address,
            evidence: sentence.map(|i| vec![doc.quote(i)]).unwrap_or_default(),
        });
    }
    out
}

fn mechanisms(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for (mechanism, re) in MECHANISMS.iter() {
        let sentences: Vec<usize> = matching(doc, re)
            .into_iter()
            .filter(|&i| qualifies(doc, *mechanism, re, i))
            .collect();
        let evidence = doc.quotes(sentences, MAX_QUOTES);
        if !evidence.is_empty() {
            out.push(Finding {
                value: mechanism.name().to_string(),
                evidence,
            });
        }
    }
    out
}

/// Whether sentence `i`, which matches `re`, really offers `mechanism`.
fn qualifies(doc: &Document, mechanism: Mechanism, re: &Pattern, i: usize) -> bool {
    let s = doc.lower_sentence(i);
    let base = doc.sentences[i].span.start;
    // (Read only where the answer turns on it.)
    let affirmed = || {
        re.find_in_span(doc, doc.sentences[i].span.clone())
            .any(|m| !negated_before(&doc.lower, base, base + m.start))
    };
    // A heading names a topic; it offers nothing by itself.
    let heading = doc.sentences[i].is_heading;
    match mechanism {
        Mechanism::BrowserSettings => {
            !heading
                && affirmed()
                && (s.contains("cookie")
                    || s.contains("tracking")
                    || doc.heading_of(i).contains("cookie"))
        }
        Mechanism::ContactRequest => !heading && affirmed() && CONTACT_PURPOSE.is_match(s),
        Mechanism::AccountSettings => !heading && affirmed() && ACTION.is_match(s),
        Mechanism::DoNotSellLink => {
            // A link one can use now: not "if we ever sell, we will add a link".
            let next = if i + 1 < doc.sentences.len() {
                doc.lower_sentence(i + 1)
            } else {
                ""
            };
            affirmed()
                && !FUTURE_OR_CONDITIONAL.is_match(s)
                && (heading || INSTRUCTION.is_match(s) || INSTRUCTION.is_match(next))
        }
        Mechanism::Gpc | Mechanism::ReplyStop => affirmed(),
        // A device's settings are a way to say no to ads only where the sentence
        // speaks of them (not of location services or push notifications).
        Mechanism::DeviceSettings => AD_WORDS.is_match(s),
        _ => true,
    }
}

/// Build this module's patterns and tables now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    force![
        CHOICE_WORDS,
        OPT_OUT_TOOL_URL,
        NOT_A_CHOICE_URL,
        COOKIE_HELP_URL,
        COOKIE_ACTION,
        NOT_AN_ACTION,
        INFO_URL,
        ACTION,
        COPY_ONLY,
        UNRELATED_EMAIL_CONTEXT,
        PRIVACY_EMAIL_CONTEXT,
        AD_WORDS,
        MECHANISMS,
        FUTURE_OR_CONDITIONAL,
        INSTRUCTION,
        CONTACT_PURPOSE,
        CLAUSE_END
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::links::{emails_in_text, urls_in_text};

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn mechanism_patterns_go_through_the_shared_scan() {
        let names: Vec<String> = MECHANISMS
            .iter()
            .map(|(m, _)| m.name().to_string())
            .collect();
        let all: Vec<(&str, &Pattern)> = names
            .iter()
            .map(String::as_str)
            .zip(MECHANISMS.iter().map(|(_, p)| p))
            .collect();
        crate::pattern::assert_scan_agrees(&all);
    }

    fn opt_out(text: &str) -> OptOut {
        let lower = text.to_ascii_lowercase();
        let urls = urls_in_text(text, &lower, &crate::text::TextIndex::new(&lower));
        let emails = emails_in_text(text, &text.to_ascii_lowercase());
        assess(&Document::new(text, &[]), &urls, &emails, &[])
    }

    #[test]
    fn opt_out_urls_by_address_or_by_sentence() {
        let o = opt_out("To learn more, please visit http://www.aboutads.info. If you would like to opt-out of having your information sold, visit Do Not Sell <https://shop.example/dsr>. Read our Privacy Policy <https://shop.example/privacy-policy>. To learn more about Google Analytics, visit Google's support page <https://support.google.com/analytics/topic/1>.");
        assert_eq!(
            o.urls,
            ["http://www.aboutads.info", "https://shop.example/dsr"]
        );
    }

    #[test]
    fn copy_only_requests_are_not_opt_outs() {
        let o = opt_out("To access your personal information, submit the Access Request Form <https://x.example/AccessRequestForm>. To delete your personal data, submit the Deletion Request Form <https://x.example/DeletionRequestForm>.");
        assert_eq!(o.urls, ["https://x.example/DeletionRequestForm"]);
    }

    #[test]
    fn privacy_emails_but_not_regulators_or_other_matters() {
        let o = opt_out("If you have questions about this privacy policy, email privacy@shop.example. You may complain to the Department of Consumer Affairs at dca@dca.ca.gov. For accessibility comments, write to a11y@shop.example.");
        assert_eq!(o.emails, ["privacy@shop.example"]);
    }

    /// A request sent, addressed or written straight to an address is a contact request.
    #[test]
    fn requests_to_an_address_are_contact_requests() {
        for text in [
            "All requests to delete your data should be addressed to privacy@shop.example.",
            "To unsubscribe, write to dpo@shop.example.",
            "If you would like us to remove your details, please email remove@shop.example.",
            "To opt out of the catalog, contact catalog@shop.example.",
        ] {
            assert!(
                opt_out(text)
                    .mechanisms
                    .contains(&Mechanism::ContactRequest),
                "{text}"
            );
        }
        // An address with no request or right beside it is not one.
        assert!(
            !opt_out("Our newsletter is sent to subscribers@shop.example every week.")
                .mechanisms
                .contains(&Mechanism::ContactRequest)
        );
    }

    /// An address at the end of a contact block ("contact us:" / "By post: …" / "By email: …"),
    /// or a GDPR representative's, is one for privacy matters.
    #[test]
    fn addresses_in_contact_blocks_and_for_gdpr() {
        let o = opt_out("To access or correct your personal information, contact us:\nBy Post: Shop Ltd, 1 High Street, Town\nBy Phone: 0123 456 789\nBy Email: customers@shop.example\n");
        assert_eq!(o.emails, ["customers@shop.example"]);
        let o = opt_out("We have designated an EU representative under the GDPR. They may be contacted as follows:\nEmail: eurep@shop.example\n");
        assert_eq!(o.emails, ["eurep@shop.example"]);
        // A shop's address lines are no contact block for the policy before them.
        let o = opt_out(
            "Read our privacy policy.\nShop Ltd\n1 High Street\nTown\nsales@shop.example\n",
        );
        assert!(o.emails.is_empty(), "{:?}", o.emails);
    }

    /// A device's settings offer a way out of ads, not of location services or push notifications.
    #[test]
    fn device_settings_for_ads_only() {
        let has = |text: &str| {
            opt_out(text)
                .mechanisms
                .contains(&Mechanism::DeviceSettings)
        };
        assert!(has(
            "To opt out of interest-based ads on your phone, use your mobile device settings."
        ));
        assert!(has(
            "You can reset your advertising identifier in your device's settings."
        ));
        assert!(!has(
            "You can enable or disable location services at any time through your device settings."
        ));
        assert!(!has(
            "You may turn off push notifications in your device's settings."
        ));
    }

    #[test]
    fn mechanisms_from_the_closed_vocabulary() {
        let o = opt_out("Most browsers allow you to refuse cookies. Msg & data rates may apply. Reply HELP for help or STOP to cancel. We honor Global Privacy Control signals.");
        assert_eq!(
            o.mechanisms,
            [
                Mechanism::BrowserSettings,
                Mechanism::ReplyStop,
                Mechanism::Gpc
            ]
        );
        let o = opt_out("You can set your browser to refuse cookies. Click the unsubscribe link in any e-mail. Reply STOP to end texts. We do not honor Global Privacy Control signals.");
        assert_eq!(
            o.mechanisms,
            [
                Mechanism::BrowserSettings,
                Mechanism::UnsubscribeLink,
                Mechanism::ReplyStop
            ]
        );
    }

    #[test]
    fn page_links_count_with_their_anchor_sentence() {
        let text = "To opt out of interest-based ads, use Your Ad Choices. Contact us.";
        let links = [
            Link {
                href: "https://shop.example/ad-choices".into(),
                text: "Your Ad Choices".into(),
            },
            Link {
                href: "javascript:alert(1)".into(),
                text: "Contact us".into(),
            },
            Link {
                href: "mailto:privacy@shop.example?subject=x".into(),
                text: "Privacy questions".into(),
            },
            Link {
                href: "mailto:jobs@shop.example".into(),
                text: "Work with us".into(),
            },
        ];
        let o = assess(&Document::new(text, &[]), &[], &[], &links);
        assert_eq!(o.urls, ["https://shop.example/ad-choices"]);
        assert_eq!(o.emails, ["privacy@shop.example"]);
    }
}
