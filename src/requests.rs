//! What a privacy request must carry, as the policy asks for it: the phrase to
//! put in the e-mail's subject line ("put 'California Privacy Rights' in the
//! subject line") and what to include ("your name and the e-mail address you
//! used", "your name, address and order number", "state that you are a
//! California resident").
//!
//! It is read from the sentences that tell the reader how to make a request
//! (opt out, unsubscribe, delete, exercise a right, write to the company):
//!
//! - a **subject** is a phrase that a sentence binds to the subject line:
//!   quoted (`with “X” in the subject line`, `the subject line “X”`,
//!   `the subject line must include the phrase “X”`), after a colon
//!   (`Subject Line: X`), or unquoted after a verb (`type X in the subject
//!   line`, `with the word X in the subject field`). It is kept only if it is
//!   a short plain phrase (see [`valid_subject`]), so that a page cannot
//!   slip markup or a formula into a mail the reader sends;
//! - the **items to include** come from the words after a requirement
//!   ("please include", "you must provide", "your request must state", "be
//!   sure to include", an imperative "Include …", "e-mail us with your …",
//!   "along with your …") up to the end of its clause, or from the list that
//!   such a sentence opens with a colon. Only the closed vocabulary of
//!   [`RequestItem`] is ever reported.
//!
//! A sentence counts only where the request is the reader's: in its own
//! words (or its predecessor's, or its heading's) there is a request, a
//! right, an opt-out, a removal or a way of contacting the company; what an
//! order, a sign-up or a contest needs ("to place an order you must provide
//! your name"), a copyright notice, and the subject lines of the shop's own
//! e-mails are not requests.

use crate::report::Quote;
use crate::text::{negated_before, pattern, prefix, text_pattern, Document, Pattern};
use serde::Serialize;
use std::ops::Range;
use std::sync::LazyLock;

/// What a privacy request (opt-out, deletion, …) must carry, as the policy asks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OptOutRequest {
    /// The phrase to put in the e-mail's subject line ("California Privacy
    /// Rights"): letters, digits, spaces and `-'.,&` only, at most
    /// [`MAX_SUBJECT_CHARS`] characters; `null` when the policy asks for none
    /// or the phrase does not pass.
    pub subject: Option<String>,
    /// What to include in the request, from a closed vocabulary, in its order.
    pub include: Vec<RequestItem>,
    /// The sentences that say so, each with what policylens read in it.
    pub quotes: Vec<Quote>,
}

/// Something a request must include (the closed vocabulary of `opt_out.request.include`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestItem {
    /// The requester's name ("your full name", "first and last name").
    Name,
    /// The e-mail address ("the e-mail address you used").
    Email,
    /// The postal address ("mailing address", "street address, city, state and zip code").
    Address,
    /// A telephone number.
    Phone,
    /// An order number ("order number", "order #", "order ID").
    OrderNumber,
    /// The state (or country) of residence ("state that you are a California resident").
    StateOfResidence,
}

impl RequestItem {
    /// Every item, in report order.
    pub const ALL: [RequestItem; 6] = [
        RequestItem::Name,
        RequestItem::Email,
        RequestItem::Address,
        RequestItem::Phone,
        RequestItem::OrderNumber,
        RequestItem::StateOfResidence,
    ];

    /// The report's name ("order_number").
    pub fn name(self) -> &'static str {
        match self {
            RequestItem::Name => "name",
            RequestItem::Email => "email",
            RequestItem::Address => "address",
            RequestItem::Phone => "phone",
            RequestItem::OrderNumber => "order_number",
            RequestItem::StateOfResidence => "state_of_residence",
        }
    }

    /// In plain words, for people.
    pub fn describe(self) -> &'static str {
        match self {
            RequestItem::Name => "your name",
            RequestItem::Email => "your e-mail address",
            RequestItem::Address => "your postal address",
            RequestItem::Phone => "your phone number",
            RequestItem::OrderNumber => "your order number",
            RequestItem::StateOfResidence => "your state of residence",
        }
    }
}

/// The longest subject phrase kept (real ones run to about 40: "Request for
/// California Privacy Information"); a longer "phrase" is a misreading.
pub const MAX_SUBJECT_CHARS: usize = 60;

/// The most words (bytes) between the subject slot and the quote it names.
const MAX_BINDING_BYTES: usize = 80;

/// Sentences quoted as the request's evidence.
const MAX_QUOTES: usize = 4;

/// How far after a requirement its list of items may run (bytes).
const MAX_ITEM_SPAN: usize = 300;

/// List items read after a requirement that ends with a colon ("Your request must include:").
const MAX_LIST_ITEMS: usize = 8;

/// A list item longer than this is prose again, not an item of the list (bytes).
const MAX_LIST_ITEM_BYTES: usize = 160;

/// Sentences worth a closer look: a subject word or a requirement's verb.
static CUE: LazyLock<Pattern> = LazyLock::new(|| {
    text_pattern(
        r"\bsubject\b|\b(?:include|provide|state|indicate|specify|list|supply|identify|confirm|contain|reference|mention|tell us|let us know|send us|give us)\b|\bwith (?:your|the following)\b",
    )
});

/// Where the subject line is named: "subject line", "subject field", "subject
/// heading", "subject", "subject of the e-mail".
static SUBJECT_SLOT: LazyLock<Pattern> = LazyLock::new(|| {
    text_pattern(
        r"\bsubject(?:[- ](?:line|field|heading|header|title|box))?(?:\s+(?:of|in)\s+(?:the|your|an?|this|that|each)\s+(?:e-?mail|message|letter|request|correspondence)\b)?",
    )
});

/// Between a quoted phrase and the subject slot after it: "“X” in the subject
/// line", "“X” as the subject", "“X” in the body and subject line".
static BEFORE_SLOT: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"^[\s,.]*(?:in|on|as|into|within|for)\s+(?:the\s+|your\s+|an?\s+|each\s+)?(?:e-?mail(?:['’]s)?\s+|message(?:['’]s)?\s+)?(?:body\s+(?:and|&)\s+(?:the\s+)?)?$",
    )
});

/// Between the subject slot and a quoted phrase after it: "the subject line
/// “X”", "subject line: “X”", "the subject of the e-mail as “X”", "the subject
/// line or the mailing envelope must include the phrase “X”".
static AFTER_SLOT: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"^[\s:,-]*(?:or\s+(?:the\s+|on\s+the\s+)?(?:mailing\s+)?envelope\s+)?(?:(?:must|should|shall|needs?\s+to|will\s+need\s+to)\s+(?:also\s+)?(?:include|read|say|state|contain|be|reference|show)\s+)?(?:as|reading|stating|labell?ed|titled|entitled|marked|saying|that\s+(?:says|reads|states)|with)?\s*(?:the\s+(?:words?|phrase|statement|text|term)\s*)?[:,]?\s*$",
    )
});

/// The words that lead an unquoted phrase before the subject slot: "type X
/// in the subject line", "with the word X in the subject field", "reference
/// X in your subject line", "reply with X in the subject line".
static UNQUOTED_LEAD: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:the\s+(?:words?|phrase|term|text|statement)|typ(?:e|ing)|put(?:ting)?|plac(?:e|ing)|writ(?:e|ing)|enter(?:ing)?|insert(?:ing)?|referenc(?:e|ing)|mark(?:ing)?|repl(?:y|ying)\s+(?:to|with)|with)\s+",
    )
});

/// The first word of an unquoted "phrase" that is no phrase ("with your full
/// name in the subject line": an item to include, not a subject).
const NOT_A_PHRASE_START: &[&str] = &[
    "your", "the", "a", "an", "this", "that", "my", "our", "his", "her", "their", "its", "any",
    "all", "which", "what", "it", "them", "us", "you", "and", "or", "of", "to",
];

/// A requirement: a request, modal or imperative, then the verb that names what to send.
static REQUIREMENT: LazyLock<Pattern> = LazyLock::new(|| {
    text_pattern(
        r"(?x)\b(?:please|kindly|be\ sure\ to|make\ sure\ (?:to|that\ you|you)|remember\ to|don['’]t\ forget\ to
        |you\ (?:must|should|shall|will\ need\ to|need\ to|will\ have\ to|have\ to|are\ required\ to|will\ be\ required\ to|are\ asked\ to|will\ be\ asked\ to|may\ be\ asked\ to|may\ need\ to)
        |you['’]ll\ (?:need|have)\ to
        |we\ (?:will\ |may\ |would\ )?(?:ask|require|request|need)\ (?:that\ )?you(?:\ to)?
        |(?:must|should|shall|needs?\ to|will\ need\ to))
        \s+(?:(?:also|clearly|simply|always|then|briefly|first|additionally|at\ least)\s+)?
        (?:include|provide|state|indicate|specify|list|supply|identify|confirm|contain|reference|mention|tell\ us|let\ us\ know|send\ us|give\ us)\b",
    )
});

/// A sentence that opens with the verb: "Include your name and e-mail
/// address." ("Provide you with offers", in a list of what the site does
/// with data, is the site's act, not an instruction.)
static IMPERATIVE: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(r"^(?:and\s+)?(?:include|provide|state|indicate|specify|list|identify|confirm)\b")
});

/// A requirement's verb joined to an instruction before it: "please contact
/// us … and include the e-mail address associated with your account".
static COORDINATED: LazyLock<Pattern> = LazyLock::new(|| {
    text_pattern(
        r"\b(?:and|then)\s+(?:also\s+)?(?:include|provide|state|indicate|specify|list|identify)\b",
    )
});

/// What makes the sentence before a [`COORDINATED`] verb an instruction.
static INSTRUCTION: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:please|kindly|must|should|be sure|need to)\b|^(?:to\s+[^,]{0,80},\s*)?(?:send|e-?mail|write|contact|call|mail|include|indicate|state|specify)\b",
    )
});

/// "E-mail us at … with your name and address", "… along with your name".
static WITH_ITEMS: LazyLock<Pattern> = LazyLock::new(|| {
    text_pattern(r"\b(?:(?:along|together)\s+)?with\s+(?:your|the\s+following)\b")
});

/// A way of contacting the company, which "with your …" must follow.
static CONTACT_VERB: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:e-?mail\w*|writ(?:e|ing)|contact\w*|send\w*|call\w*|notify\w*|repl(?:y|ying)|mail(?:ing)?|submit\w*|messag\w*)\b",
    )
});

/// The site keeping what a contact brings ("we may keep your message along
/// with your e-mail address"): collection, not a requirement.
static WE_COLLECT: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\bwe\s+(?:may\s+|will\s+|also\s+|might\s+)*(?:collect|receive|obtain|gather|store|retain|record|keep|share|combine|use|process|save)\b",
    )
});

/// Words before "must"/"should" that make it a requirement of the request
/// ("your request must include"), not of the site ("we must provide").
const REQUIREMENT_HOLDERS: &[&str] = &[
    "request",
    "requests",
    "email",
    "e-mail",
    "emails",
    "e-mails",
    "letter",
    "letters",
    "message",
    "messages",
    "notice",
    "notification",
    "submission",
    "correspondence",
    "inquiry",
    "inquiries",
    "communication",
    "form",
    "it",
    "they",
    "this",
    "you",
    "also",
];

/// The end of a requirement's list: the sentence's end, or a clause that says
/// why or when ("so that we can…", "to verify…", "when you registered").
static CLAUSE_END: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"[.;!?](?:\s|$)|\b(?:so\s+that|so\s+we|in\s+order|to\s+(?:help|allow|enable|ensure|assist|verify|confirm|locate|identify|process|facilitate|find|match)|because|if\s+(?:you|we)|when|while|and\s+(?:we|you\s+will)|we\s+(?:will|can|may|need|have|use)|which\s+we|that\s+we|where\s+we|as\s+we|for\s+us|for\s+verification|otherwise)\b",
    )
});

/// Words of a request the reader makes: a request, a right, an opt-out, a
/// removal, a contact.
static REQUEST_WORDS: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\brequest\w*|\bopt(?:ing)?[- ]?out\b|\bunsubscrib\w*|\bremov\w*|\bdelet\w*|\brights?\b|\bshine the light\b|\bdo not (?:sell|share)\b|\bwithdraw\w*|\bcontact(?:ing)? us\b|\be-?mail(?:ing)? us\b|\bwrit(?:e|ing) (?:to )?us\b|\bcall(?:ing)? us\b|\binquir\w*|\bcorrect\w*|\bupdat\w*|\baccess\b|\bmailing lists?\b|\bprivacy (?:questions?|concerns?|compliance|officer|team|department|inquir\w*|matters?)\b|\bcommunications?\b|\bcorrespondence\b|\bcomplaints?\b|\bno longer (?:wish|want)\b|\bstop receiving\b",
    )
});

/// Words that make a sentence a request even beside another purpose ("if
/// you no longer wish to receive our e-mails, please include …"), unlike a
/// mere "communications" ("to receive e-mail communications you must provide …")
/// or "request" ("if you request an appointment, we will ask you to provide …").
static STRONG_REQUEST_WORDS: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\bopt(?:ing)?[- ]?out\b|\bunsubscrib\w*|\bremov\w*|\bdelet\w*|\brights?\b|\bshine the light\b|\bdo not (?:sell|share)\b|\bwithdraw\w*|\bno longer (?:wish|want)\b|\bstop receiving\b|\bnot to receive\b",
    )
});

/// Words of a request about one's privacy rights or the sale of one's data:
/// the subject found beside them is the one a reader's opt-out needs.
static RIGHTS_WORDS: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\bsell\w*|\bsale\b|\bshar(?:e|ing)\b|\bcalifornia\b|\bnevada\b|\bvirginia\b|\bcolorado\b|\bccpa\b|\bcpra\b|\bgdpr\b|\bshine the light\b|\bprivacy rights\b|\brights? request\b|\bexercis\w*|\bdelet\w*|\baccess request\b|\bprivacy (?:compliance|request)",
    )
});

/// A purpose of the reader's own that is no privacy request: what an order,
/// a sign-up or a contest needs ("to fulfill your order, you must provide …").
static OTHER_PURPOSE: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:to|when\s+you|if\s+you|in\s+order\s+to|before\s+you|requests?\s+to)\s+(?:\w+\s+){0,2}?(?:order|orders|purchase|buy|register|sign\s+up|subscribe|create|open|check\s?out|enter|participate|apply|post|review|fulfill?|ship|deliver|join|redeem|return|exchange)\b|\b(?:to|requests?\s+to)\s+receive\s+(?:our|e-?mails?|newsletters?|promotional|marketing|offers|special|text|sms|updates|communications)\b|\bpayment\b|\bcredit card\b|\bfinancial information\b",
    )
});

/// Matters that are not privacy requests, though they ask for a name and address.
static NOT_PRIVACY: LazyLock<Pattern> =
    LazyLock::new(|| pattern(r"\bcopyright\w*|\binfring\w*|\bdmca\b|\btrademark\w*"));

/// The subject lines of the shop's own mails ("an e-mail will be sent with the subject …").
static SHOP_SENT: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(r"\bwill be sent\b|\bwe (?:will )?send you\b|\byou will (?:then )?receive\b")
});

/// The words of the vocabulary (and near-misses that the code rules out).
static ITEM: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"(?x)\border\s*(?:number|no\b\.?|\#|id\b|confirmation\s+number|reference(?:\s+number)?)
        |\be-?mail(?:\s+address(?:es)?)?\b
        |\b(?:mobile|cell(?:ular)?)\s+(?:phone\s+)?numbers?\b|\b(?:mobile|cell(?:ular)?)\s+phones?\b|\b(?:tele)?phone(?:\s+numbers?)?\b
        |\bzip(?:\s*code)?\b|\bpost(?:al)?\s*code\b|\baddress(?:es)?\b
        |\bnames?\b
        |\b(?:state|country|province|jurisdiction)\s+(?:of|in\s+which\s+you|where\s+you)\s+(?:residence|reside|live)\b
        |\byou\s+(?:are|were)\s+(?:an?\s+)?(?:\w+\s+){0,3}?residents?\b|\bresidents?\s+of\b|\b(?:your|of)\s+residen(?:ce|cy)\b
        |\breside\s+in\b|\bwhere\s+you\s+(?:live|reside)\b|\bresidency\b",
    )
});

/// Words before "name" that make it no person's name ("user name", "the name of our website").
const NOT_A_PERSONS_NAME: &[&str] = &[
    "user",
    "screen",
    "company",
    "business",
    "domain",
    "brand",
    "product",
    "file",
    "store",
    "shop",
    "website",
    "site",
    "display",
    "sender",
    "pet",
    "child's",
    "child’s",
    "children's",
    "children’s",
    "country's",
    "country’s",
    "account",
    "trade",
    "street",
    "app",
    "program",
    "event",
    "group",
];

/// Words before "address" that make it no postal address ("IP address") or a
/// destination ("mail it to our address").
const NOT_A_POSTAL_ADDRESS: &[&str] = &[
    "ip",
    "web",
    "website",
    "internet",
    "url",
    "mac",
    "e",
    "email",
    "e-mail",
    "mail",
    "our",
    "following",
    "this",
    "that",
    "same",
    "above",
    "below",
    "to",
    "will",
    "can",
    "cannot",
    "we",
    "not",
];

/// Words before a bare "e-mail" that make it the channel ("in your e-mail",
/// "the e-mail"), not the address.
const PREPOSITIONS: &[&str] = &[
    "in", "to", "via", "by", "through", "of", "from", "on", "within",
];
const DETERMINERS: &[&str] = &[
    "the", "an", "a", "this", "that", "each", "any", "same", "our",
];

/// Words before an e-mail address that make it where to write ("to the e-mail address").
const SENT_TO: &[&str] = &["to", "at", "via", "using", "from"];

/// Words before an item that make it a destination ("to the following e-mail address").
const DESTINATION_BEFORE: &[&str] = &["following", "above", "below", "designated", "listed"];

/// Words after an item that make it a destination ("to the e-mail address below").
const DESTINATION_AFTER: &[&str] = &["below", "above", "listed", "provided", "us"];

/// Words after a bare "e-mail" that make it a kind of message, not the
/// address ("change your e-mail preferences", "our e-mail newsletter").
const EMAIL_AS_KIND: &[&str] = &[
    "preferences",
    "preference",
    "settings",
    "communications",
    "communication",
    "newsletter",
    "newsletters",
    "marketing",
    "list",
    "lists",
    "updates",
    "offers",
    "messages",
    "message",
    "subscription",
    "subscriptions",
    "request",
    "requests",
    "notifications",
    "promotions",
    "program",
];

/// Read what a request must carry from `doc`; `None` when the policy says nothing of it.
pub(crate) fn read(doc: &Document) -> Option<OptOutRequest> {
    // Candidate sentences, each once, in order: one pass over the text.
    let mut candidates: Vec<usize> = Vec::new();
    for m in CUE.find_in(doc) {
        if let Some(i) = doc.sentence_at(m.start) {
            if candidates.last() != Some(&i) {
                candidates.push(i);
            }
        }
    }

    let mut subject: Option<(u8, usize, String)> = None;
    let mut include: Vec<RequestItem> = Vec::new();
    // (sentence, what it asks for) for each sentence that adds something.
    let mut asked: Vec<(usize, Option<String>, Vec<RequestItem>)> = Vec::new();
    let mut covered_until = 0; // list items already read after a colon
    for &i in &candidates {
        if i < covered_until {
            continue;
        }
        // What the sentence asks for first (most cue sentences ask for
        // nothing), then whether it is about a request at all.
        let quoted = Quoted::new(doc.sentence(i));
        let own_subject = subject_in(doc, i, &quoted).filter(|_| {
            let s = doc.lower_sentence(i);
            !SHOP_SENT.is_match(s)
        });
        let (items, list) = items_in(doc, i, &quoted);
        if (own_subject.is_none() && items.is_empty() && list.is_empty())
            || !about_a_request(doc, i)
        {
            continue;
        }
        if let Some(phrase) = &own_subject {
            let rank = rank(doc, i);
            if subject.as_ref().is_none_or(|(best, _, _)| rank < *best) {
                subject = Some((rank, i, phrase.clone()));
            }
        }
        for &item in &items {
            if !include.contains(&item) {
                include.push(item);
            }
        }
        if own_subject.is_some() || !items.is_empty() {
            asked.push((i, own_subject, items));
        }
        for (j, list_items) in list {
            covered_until = covered_until.max(j + 1);
            for &item in &list_items {
                if !include.contains(&item) {
                    include.push(item);
                }
            }
            asked.push((j, None, list_items));
        }
    }
    if subject.is_none() && include.is_empty() {
        return None;
    }
    include.sort();

    // The evidence: the chosen subject's sentence first, then each sentence
    // that adds items to include, in the order of the text.
    let chosen = subject.as_ref().map(|(_, i, _)| *i);
    let mut quotes: Vec<Quote> = Vec::new();
    let mut push = |i: usize, subject: &Option<String>, items: &[RequestItem]| {
        let text = doc.sentence(i);
        if quotes.len() < MAX_QUOTES && !quotes.iter().any(|q| q.text == text) {
            quotes.push(
                doc.quote(i)
                    .with_reading(&reading(subject.as_deref(), items)),
            );
        }
    };
    if let Some((i, s, items)) = asked.iter().find(|(i, _, _)| Some(*i) == chosen) {
        push(*i, s, items);
    }
    for (i, _, items) in &asked {
        if !items.is_empty() {
            push(*i, &None, items);
        }
    }
    Some(OptOutRequest {
        subject: subject.map(|(_, _, s)| s),
        include,
        quotes,
    })
}

/// What a sentence asks for, in plain words ("request: put “Privacy” in the
/// subject line; include your name, your postal address").
fn reading(subject: Option<&str>, items: &[RequestItem]) -> String {
    let mut parts = Vec::new();
    if let Some(s) = subject {
        parts.push(format!("put “{s}” in the subject line"));
    }
    if !items.is_empty() {
        let names: Vec<&str> = items.iter().map(|i| i.describe()).collect();
        parts.push(format!("include {}", names.join(", ")));
    }
    format!("request: {}", parts.join("; "))
}

/// Whether sentence `i` is about a request the reader makes (see the module docs).
fn about_a_request(doc: &Document, i: usize) -> bool {
    let own = doc.lower_sentence(i);
    // A list item or a fragment is read with the sentences before it (its lead-in).
    let reach = if own.len() < SHORT_SENTENCE_BYTES {
        LIST_CONTEXT
    } else {
        1
    };
    let before = (i.saturating_sub(reach)..i).map(|j| doc.lower_sentence(j));
    let context: Vec<&str> = before.chain([own, doc.heading_of(i)]).collect();
    if context.iter().any(|s| NOT_PRIVACY.is_match(s)) {
        return false;
    }
    if OTHER_PURPOSE.is_match(own) && !STRONG_REQUEST_WORDS.is_match(own) {
        return false;
    }
    context.iter().any(|s| REQUEST_WORDS.is_match(s))
}

/// A sentence shorter than this (bytes) may be a list item, read with its lead-in.
const SHORT_SENTENCE_BYTES: usize = 120;

/// How many sentences before a list item may hold its lead-in.
const LIST_CONTEXT: usize = 3;

/// 0 for a request about one's rights or the sale of one's data, 1 for
/// another privacy matter (a removal, an opt-out, a question about privacy),
/// 2 for anything else (a loyalty program), so that the subject an opt-out
/// needs wins over a newsletter's or a program's.
fn rank(doc: &Document, i: usize) -> u8 {
    let prev = if i > 0 { doc.lower_sentence(i - 1) } else { "" };
    let context = [doc.lower_sentence(i), prev, doc.heading_of(i)];
    if context.iter().any(|s| RIGHTS_WORDS.is_match(s)) {
        0
    } else if context.iter().any(|s| PRIVACY_WORDS.is_match(s)) {
        1
    } else {
        2
    }
}

/// Words of a privacy matter that is not a right as such.
static PRIVACY_WORDS: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\bprivacy\b|\bpersonal (?:information|data)\b|\bopt(?:ing)?[- ]?out\b|\bunsubscrib\w*|\bremov\w*|\bmarketing\b",
    )
});

/// A sentence's quoted phrases ([`quoted_spans`]), found when first asked
/// for: most sentences the request reader looks at never need them.
struct Quoted<'a> {
    sentence: &'a str,
    spans: std::cell::OnceCell<Vec<Range<usize>>>,
}

impl<'a> Quoted<'a> {
    fn new(sentence: &'a str) -> Self {
        Quoted {
            sentence,
            spans: std::cell::OnceCell::new(),
        }
    }

    fn get(&self) -> &[Range<usize>] {
        self.spans.get_or_init(|| quoted_spans(self.sentence))
    }
}

/// The quoted phrases of `s` (byte ranges of their insides): "…", “…”, ‘…’,
/// «…», and '…' where the apostrophes stand at word edges.
fn quoted_spans(s: &str) -> Vec<Range<usize>> {
    const MAX_QUOTED_BYTES: usize = 200;
    let mut out = Vec::new();
    // Only these bytes start a quote character (`’`, `“`, `‘` start with
    // 0xE2, `«` with 0xC2): the rest of the sentence is stepped over.
    let opens = |b: &u8| matches!(b, b'"' | b'\'' | 0xE2 | 0xC2);
    let mut i = 0;
    while let Some(p) = s.as_bytes()[i..].iter().position(opens) {
        let at = i + p;
        let c = s[at..].chars().next().expect("a char starts here");
        i = at + c.len_utf8();
        let closers: &[char] = match c {
            '"' => &['"', '\u{201D}'],
            '\u{201C}' => &['\u{201D}', '"'],
            '\u{2018}' => &['\u{2019}', '\''],
            '\u{00AB}' => &['\u{00BB}'],
            // A straight apostrophe opens only at a word's start ("put 'X' in").
            '\'' if s[..at].chars().last().is_none_or(|p| !p.is_alphanumeric()) => &['\''],
            _ => continue,
        };
        let inner = at + c.len_utf8();
        let rest = &s[inner..];
        // A closing apostrophe (straight or curly) only at a word's end: the
        // one in "shop’s" closes nothing.
        let close = rest.char_indices().find(|&(k, ch)| {
            closers.contains(&ch)
                && (!matches!(ch, '\'' | '\u{2019}')
                    || rest[k + ch.len_utf8()..]
                        .chars()
                        .next()
                        .is_none_or(|n| !n.is_alphanumeric()))
        });
        match close {
            Some((k, ch)) if k > 0 && k <= MAX_QUOTED_BYTES && !rest[..k].contains('\n') => {
                out.push(inner..inner + k);
                // Go on after the closing quote.
                i = inner + k + ch.len_utf8();
            }
            _ => {}
        }
    }
    out
}

/// The subject phrase that sentence `i` asks for, if any (see the module docs).
fn subject_in(doc: &Document, i: usize, quoted: &Quoted) -> Option<String> {
    let text = doc.sentence(i);
    let lower = doc.lower_sentence(i);
    for slot in SUBJECT_SLOT.find_in_span(doc, doc.sentences[i].span.clone()) {
        let quoted = quoted.get();
        let inside_quote = |pos: usize| quoted.iter().any(|q| q.contains(&pos));
        // "Data subject" (a person under the GDPR) is no subject line.
        if inside_quote(slot.start) || lower[..slot.start].ends_with("data ") {
            continue;
        }
        // A quoted phrase just before: "“X” in the subject line".
        if let Some(q) = quoted.iter().rev().find(|q| q.end <= slot.start) {
            let close = q.end + text[q.end..].chars().next().map_or(0, char::len_utf8);
            if close <= slot.start && BEFORE_SLOT.is_match(&lower[close..slot.start]) {
                if let Some(s) = valid_subject(&text[q.clone()]) {
                    return Some(s);
                }
            }
        }
        // A quoted phrase just after: "the subject line “X”".
        if let Some(q) = quoted.iter().find(|q| q.start > slot.end) {
            let open = q.start - text[..q.start].chars().last().map_or(0, char::len_utf8);
            let between = &lower[slot.end..open.max(slot.end)];
            if open >= slot.end
                && between.len() <= MAX_BINDING_BYTES
                && AFTER_SLOT.is_match(between)
            {
                if let Some(s) = valid_subject(&text[q.clone()]) {
                    return Some(s);
                }
            }
        }
        // After a colon, the rest of the sentence: "Subject Line: California Privacy Rights".
        // (Only a named slot: a bare "Subject:" is as often a form's label.)
        let after = &text[slot.end..];
        let named_slot = lower[slot.clone()].len() > "subject".len();
        if let Some(rest) = after.trim_start().strip_prefix(':') {
            if named_slot && quoted.iter().all(|q| q.start < slot.end) {
                let phrase =
                    valid_subject(rest).filter(|p| plain_phrase(&p.to_lowercase()).is_some());
                if let Some(s) = phrase {
                    return Some(s);
                }
            }
        }
        // Unquoted before, after a leading verb: "type REMOVE in the subject line".
        if let Some(s) = unquoted_before(text, lower, slot.start, quoted) {
            return Some(s);
        }
        // Unquoted after: "with the subject line data protection."
        if quoted.iter().all(|q| q.start < slot.end) {
            if let Some(s) = unquoted_after(text, lower, &slot) {
                return Some(s);
            }
        }
    }
    None
}

/// "type REMOVE FROM ALL MARKETING in the subject line": the phrase between a
/// leading verb and the connector before the slot at `slot_start`.
fn unquoted_before(
    text: &str,
    lower: &str,
    slot_start: usize,
    quoted: &[Range<usize>],
) -> Option<String> {
    // The connector: "in the", "in your", "as the", "on the" …, found by
    // trying the few words before the slot.
    let head = &lower[..slot_start];
    let connector_start = (0..head.len())
        .rev()
        .take(30)
        .filter(|&k| head.is_char_boundary(k) && (k == 0 || head.as_bytes()[k - 1] == b' '))
        .find(|&k| {
            let c = &head[k..];
            c.starts_with(|ch: char| ch.is_ascii_alphabetic()) && BEFORE_SLOT.is_match(c)
        })?;
    // The nearest lead before the connector; the phrase is what lies between.
    let before = &lower[..connector_start];
    let lead = UNQUOTED_LEAD.find_iter(before).last()?;
    let phrase_range = lead.end..connector_start;
    if quoted
        .iter()
        .any(|q| q.start < phrase_range.end && q.end > phrase_range.start)
    {
        return None;
    }
    plain_phrase(lower[phrase_range.clone()].trim())?;
    valid_subject(&text[phrase_range])
}

/// The most words of an unquoted subject phrase.
const MAX_UNQUOTED_WORDS: usize = 6;

/// Whether an unquoted `phrase` (lowercased) can be a subject: a few words,
/// none of them the reader's ("your full name": an item, not a phrase), not
/// starting like a clause.
fn plain_phrase(phrase: &str) -> Option<()> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let first = words.first()?;
    let ok = words.len() <= MAX_UNQUOTED_WORDS
        && !NOT_A_PHRASE_START.contains(first)
        && !words
            .iter()
            .any(|w| matches!(*w, "your" | "my" | "our" | "you" | "yours"));
    ok.then_some(())
}

/// "with the subject line data protection.", "with a subject line of
/// UNSUBSCRIBE": an unquoted phrase after a slot that "with" leads, to the
/// end of the sentence.
fn unquoted_after(text: &str, lower: &str, slot: &Range<usize>) -> Option<String> {
    if !WITH_SLOT.is_match(&lower[..slot.start]) {
        return None;
    }
    let rest = &lower[slot.end..];
    let skip = rest.len() - rest.trim_start().len();
    let rest = rest.trim_start();
    let skip = skip
        + [
            "of ",
            "reading ",
            "stating ",
            "labeled ",
            "labelled ",
            "titled ",
            ": ",
        ]
        .iter()
        .find(|w| rest.starts_with(*w))
        .map_or(0, |w| w.len());
    let phrase_range = slot.end + skip..lower.len();
    plain_phrase(lower[phrase_range.clone()].trim_end_matches(['.', ' ']))?;
    valid_subject(&text[phrase_range])
}

/// "with the subject line", "with a subject line", right before the slot.
static WITH_SLOT: LazyLock<Pattern> =
    LazyLock::new(|| pattern(r"\bwith\s+(?:the\s+|a\s+|an\s+)?$"));

/// A subject phrase as it may go into a mail: trimmed of spaces and closing
/// punctuation, at most [`MAX_SUBJECT_CHARS`] characters of letters, digits,
/// spaces and `-'.,&` (a curly apostrophe read as a straight one), starting
/// with a letter or digit, no line break. Anything else is no subject.
pub(crate) fn valid_subject(raw: &str) -> Option<String> {
    if raw.contains(['\n', '\r']) {
        return None;
    }
    let phrase = raw
        .trim()
        .trim_end_matches(['.', ',', ' '])
        .replace('\u{2019}', "'");
    let count = phrase.chars().count();
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '-' | '\'' | '.' | ',' | '&');
    let starts_well = phrase.chars().next().is_some_and(char::is_alphanumeric);
    let has_letter = phrase.chars().any(char::is_alphabetic);
    let no_double_space = !phrase.contains("  ");
    (count > 0
        && count <= MAX_SUBJECT_CHARS
        && starts_well
        && has_letter
        && no_double_space
        && phrase.chars().all(allowed))
    .then_some(phrase)
}

/// The items that sentence `i` asks to include, and, when it opens a list
/// with a colon and names none itself, the items of the list after it (each
/// list sentence with its own items).
#[allow(clippy::type_complexity)]
fn items_in(
    doc: &Document,
    i: usize,
    quoted: &Quoted,
) -> (Vec<RequestItem>, Vec<(usize, Vec<RequestItem>)>) {
    let lower = doc.lower_sentence(i);
    let mut items = Vec::new();
    let spans = requirement_spans(doc, i);
    for span in &spans {
        for item in items_of(lower, span.clone(), quoted.get()) {
            if !items.contains(&item) {
                items.push(item);
            }
        }
    }
    // "Your request must include the following:" and then the list, one
    // item a line (such short lines read as headings, so none is skipped).
    let mut list = Vec::new();
    if !spans.is_empty() && items.is_empty() && lower.trim_end().ends_with(':') {
        for j in (i + 1..doc.sentences.len()).take(MAX_LIST_ITEMS) {
            if doc.sentences[j].span.len() > MAX_LIST_ITEM_BYTES {
                break;
            }
            let item_lower = doc.lower_sentence(j);
            // "Email address: sales@shop.example": the site's own details, not
            // a thing to provide.
            if carries_a_value(item_lower) {
                continue;
            }
            let found = items_of(
                item_lower,
                0..item_lower.len(),
                &quoted_spans(doc.sentence(j)),
            );
            if !found.is_empty() {
                list.push((j, found));
            }
        }
    }
    items.sort();
    (items, list)
}

/// Whether a list line gives a value ("Telephone: 01234 567890", an address)
/// rather than naming a thing to send.
fn carries_a_value(line: &str) -> bool {
    let after_colon = line
        .split_once(':')
        .is_some_and(|(_, v)| !v.trim().is_empty());
    let digits = line.bytes().filter(u8::is_ascii_digit).count();
    after_colon || line.contains('@') || digits >= 3
}

/// The byte ranges (in sentence `i`'s lowercased text) that follow each of
/// its requirements, up to the end of the requirement's clause.
fn requirement_spans(doc: &Document, i: usize) -> Vec<Range<usize>> {
    let lower = doc.lower_sentence(i);
    let base = doc.sentences[i].span.start;
    let mut starts: Vec<usize> = Vec::new();
    let span = doc.sentences[i].span.clone();
    for m in REQUIREMENT.find_in_span(doc, span.clone()) {
        if holder_ok(lower, &m) && !negated_before(&doc.lower, base, base + m.start) {
            starts.push(m.end);
        }
    }
    if !doc.sentences[i].is_heading {
        if let Some(m) = IMPERATIVE.find(lower) {
            let object = lower[m.end..].trim_start();
            let to_you = object.starts_with("you ") || object.starts_with("you,");
            if !to_you {
                starts.push(m.end);
            }
        }
    }
    for m in COORDINATED.find_in_span(doc, span.clone()) {
        if INSTRUCTION.is_match(&lower[..m.start])
            && !negated_before(&doc.lower, base, base + m.start)
        {
            starts.push(m.end);
        }
    }
    for m in WITH_ITEMS.find_in_span(doc, span.clone()) {
        let before = &lower[..m.start];
        // "(if you) provide us with your …": the verb's own complement, a
        // requirement only where the verb is one (read above).
        let complement = last_word(before) == Some("us")
            && last_word(before.trim_end().trim_end_matches("us"))
                .is_some_and(|w| w.starts_with("provid"));
        if !complement
            && CONTACT_VERB.is_match(before)
            && !WE_COLLECT.is_match(lower)
            && !negated_before(&doc.lower, base, base + m.start)
        {
            starts.push(m.start + lower[m.start..m.end].rfind(' ').unwrap_or(0));
        }
    }
    starts.sort_unstable();
    starts.dedup();
    starts
        .into_iter()
        .map(|from| {
            let rest = prefix(&lower[from..], MAX_ITEM_SPAN);
            let to = CLAUSE_END.find(rest).map_or(rest.len(), |m| m.start);
            from..from + to
        })
        .collect()
}

/// Whether a requirement led by a bare "must"/"should" belongs to the
/// request ("your request must include"), not to the site ("we must provide").
fn holder_ok(lower: &str, m: &Range<usize>) -> bool {
    let matched = &lower[m.clone()];
    let bare_modal = ["must", "should", "shall", "need", "needs", "will"]
        .iter()
        .any(|w| matched.starts_with(w));
    !bare_modal || last_word(&lower[..m.start]).is_some_and(|w| REQUIREMENT_HOLDERS.contains(&w))
}

/// The items of the vocabulary named in `lower[span]`, outside quoted phrases.
fn items_of(lower: &str, span: Range<usize>, quoted: &[Range<usize>]) -> Vec<RequestItem> {
    let mut out = Vec::new();
    let part = &lower[span.clone()];
    for m in ITEM.find_iter(part) {
        let (start, end) = (span.start + m.start, span.start + m.end);
        if quoted.iter().any(|q| q.contains(&start)) {
            continue;
        }
        let word = &lower[start..end];
        let before = last_word(&lower[..start]);
        let before2 = before.and_then(|w| {
            let cut = lower[..start].trim_end().len() - w.len();
            last_word(&lower[..cut])
        });
        let after = lower[end..].split_whitespace().next().unwrap_or("");
        let after = after.trim_matches(|c: char| !c.is_alphanumeric());
        let destination = DESTINATION_AFTER.contains(&after)
            || before.is_some_and(|w| DESTINATION_BEFORE.contains(&w));
        let item = if word.starts_with("order") {
            Some(RequestItem::OrderNumber)
        } else if word.starts_with("email") || word.starts_with("e-mail") {
            // "in your e-mail", "the body of the e-mail": the channel, not the address.
            let channel = !word.contains("address")
                && match before {
                    Some("your") => before2.is_some_and(|w| PREPOSITIONS.contains(&w)),
                    Some(w) => PREPOSITIONS.contains(&w) || DETERMINERS.contains(&w),
                    None => false,
                };
            // "to the e-mail address below": where to send, not what to include.
            let sent_to = before.is_some_and(|w| SENT_TO.contains(&w))
                || (before.is_some_and(|w| DETERMINERS.contains(&w))
                    && before2.is_some_and(|w| SENT_TO.contains(&w)));
            let kind = !word.contains("address") && EMAIL_AS_KIND.contains(&after);
            (!channel && !sent_to && !kind && !destination).then_some(RequestItem::Email)
        } else if word.contains("phone") || word.contains("mobile") || word.contains("cell") {
            (!matches!(before, Some("by" | "via" | "over")) && !destination)
                .then_some(RequestItem::Phone)
        } else if word.starts_with("zip") || word.starts_with("post") {
            Some(RequestItem::Address)
        } else if word.starts_with("address") {
            let not_postal = before.is_some_and(|b| NOT_A_POSTAL_ADDRESS.contains(&b));
            (!not_postal && !destination).then_some(RequestItem::Address)
        } else if word.starts_with("name") {
            let not_person =
                before.is_some_and(|b| NOT_A_PERSONS_NAME.contains(&b)) || after == "of";
            (!not_person).then_some(RequestItem::Name)
        } else {
            // The rest of the pattern speaks of residence.
            Some(RequestItem::StateOfResidence)
        };
        if let Some(item) = item {
            if !out.contains(&item) {
                out.push(item);
            }
        }
    }
    out
}

/// The last word of `s` (letters, digits, apostrophes, hyphens), if it ends in one.
fn last_word(s: &str) -> Option<&str> {
    let s = s.trim_end();
    let start = s
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-'))
        .last()
        .map(|(k, _)| k)?;
    Some(&s[start..])
}

/// Build this module's patterns and tables now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    force![
        CUE,
        SUBJECT_SLOT,
        BEFORE_SLOT,
        AFTER_SLOT,
        UNQUOTED_LEAD,
        REQUIREMENT,
        IMPERATIVE,
        COORDINATED,
        INSTRUCTION,
        WITH_ITEMS,
        CONTACT_VERB,
        WE_COLLECT,
        CLAUSE_END,
        REQUEST_WORDS,
        STRONG_REQUEST_WORDS,
        RIGHTS_WORDS,
        OTHER_PURPOSE,
        NOT_PRIVACY,
        SHOP_SENT,
        ITEM,
        PRIVACY_WORDS,
        WITH_SLOT
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_cue_pattern_goes_through_the_shared_scan() {
        crate::pattern::assert_scan_agrees(&[
            ("CUE", &CUE),
            ("SUBJECT_SLOT", &SUBJECT_SLOT),
            ("REQUIREMENT", &REQUIREMENT),
            ("COORDINATED", &COORDINATED),
            ("WITH_ITEMS", &WITH_ITEMS),
        ]);
    }
    use RequestItem::*;

    fn request(text: &str) -> Option<OptOutRequest> {
        read(&Document::new(text, &[]))
    }

    fn subject(text: &str) -> Option<String> {
        request(text).and_then(|r| r.subject)
    }

    fn include(text: &str) -> Vec<RequestItem> {
        request(text).map(|r| r.include).unwrap_or_default()
    }

    #[test]
    fn a_quoted_subject_before_or_after_the_subject_line() {
        assert_eq!(
            subject("To opt out of the sale of your personal information, e-mail privacy@shop.example with “Do Not Sell My Info” in the subject line.").as_deref(),
            Some("Do Not Sell My Info")
        );
        assert_eq!(
            subject("Send your deletion request to help@shop.example with the subject line 'Privacy Request'.").as_deref(),
            Some("Privacy Request")
        );
        assert_eq!(
            subject("To exercise your rights, write to us; the subject line of the e-mail must read \"Delete My Data.\"").as_deref(),
            Some("Delete My Data")
        );
        assert_eq!(
            subject("Questions about your privacy rights? Include ‘Shop’s Privacy Team’ as the subject of your message.").as_deref(),
            Some("Shop's Privacy Team"),
            "a curly apostrophe inside is read as a straight one"
        );
    }

    #[test]
    fn an_unquoted_subject_after_a_colon_or_a_verb() {
        assert_eq!(
            subject("For privacy requests e-mail rights@shop.example, Subject Line: Consumer Rights Request").as_deref(),
            Some("Consumer Rights Request")
        );
        assert_eq!(
            subject("To unsubscribe, reply to any newsletter with the word STOP MAILING in the subject field.").as_deref(),
            Some("STOP MAILING")
        );
        assert_eq!(
            subject("If you wish to exercise your data rights, e-mail dpo@shop.example with subject line data request.").as_deref(),
            Some("data request")
        );
        // The reader's own details are items to include, not a phrase.
        let r = request("To be removed from our mailing list, e-mail us with your full name in the subject line.").unwrap();
        assert_eq!(r.subject, None);
        assert_eq!(r.include, [Name]);
    }

    #[test]
    fn a_subject_that_is_not_a_plain_short_phrase_is_none() {
        assert_eq!(
            valid_subject("California Privacy Rights."),
            Some("California Privacy Rights".into())
        );
        assert_eq!(
            valid_subject("Q&A - Bob's request, 2024"),
            Some("Q&A - Bob's request, 2024".into())
        );
        for bad in [
            "<b>x</b>",
            "=HYPERLINK(1)",
            "-cmd",
            "a\nb",
            "x@y.example",
            "100%",
            "",
            "   ",
            "??",
            "Order #[Number]",
        ] {
            assert_eq!(valid_subject(bad), None, "{bad:?}");
        }
        assert_eq!(
            valid_subject(&"a".repeat(MAX_SUBJECT_CHARS)).map(|s| s.len()),
            Some(MAX_SUBJECT_CHARS)
        );
        assert_eq!(valid_subject(&"a".repeat(MAX_SUBJECT_CHARS + 1)), None);
        assert_eq!(
            subject("To opt out, e-mail privacy@shop.example with “<script>alert(1)</script>” in the subject line."),
            None
        );
    }

    #[test]
    fn items_to_include_from_the_closed_vocabulary() {
        assert_eq!(
            include("If you wish to exercise these rights, please include your full name, the e-mail address you used and your order number in your request."),
            [Name, Email, OrderNumber]
        );
        assert_eq!(
            include("To be removed from our catalog mailing list, write to us with your name, street address and zip code."),
            [Name, Address]
        );
        assert_eq!(
            include("Your opt-out request must state that you are a California resident and give us your telephone number."),
            [Phone, StateOfResidence]
        );
        assert_eq!(
            include("To delete your data, you will need to provide your name and your state of residence."),
            [Name, StateOfResidence]
        );
    }

    #[test]
    fn the_channel_the_destination_and_other_names_are_not_items() {
        assert_eq!(
            include("To opt out, please include your name in the body of the e-mail."),
            [Name]
        );
        assert_eq!(
            include("Please send your removal request to the e-mail address below and include your phone number."),
            [Phone]
        );
        assert_eq!(
            include("In your request, please state the name of the website you used and your e-mail address."),
            [Email]
        );
        assert_eq!(
            include(
                "To unsubscribe, please provide your user name and change your e-mail preferences."
            ),
            Vec::<RequestItem>::new()
        );
    }

    #[test]
    fn what_an_order_or_a_sign_up_needs_is_no_request() {
        for text in [
            "When you place an order, you must provide your name, e-mail address and phone number.",
            "We collect your name and address when you contact us.",
            "To enter a contest you must provide your name and e-mail address.",
            "In order to receive our newsletter, you must provide your email address.",
            "If you provide us with your mailing address, you may receive our catalog.",
            "Your notice of copyright infringement must include your name, address and telephone number.",
            "After you order, you will receive an e-mail with the subject line “Your order has shipped”.",
            "Data Subject: a person whose data we process.",
            "Please do not include your phone number or order number in your e-mail to opt out.",
        ] {
            assert_eq!(request(text), None, "{text}");
        }
    }

    #[test]
    fn a_list_after_a_colon() {
        let text = "To opt out of sharing, your request must include the following:\nYour full name\nYour mailing address\nThe phone number on your account\n\nWe will reply within 45 days.";
        let r = request(text).unwrap();
        assert_eq!(r.include, [Name, Address, Phone]);
        assert_eq!(
            r.quotes.len(),
            3,
            "each list line that names an item is quoted"
        );
    }

    #[test]
    fn a_list_of_the_sites_own_details_names_nothing_to_send() {
        let text = "To contact us about anything to do with your personal data, or to make a request, please use the following details:\nEmail address: privacy@shop.example\nTelephone number: 0123 456789\nPostal address: 1 High Street";
        assert_eq!(request(text), None);
    }

    #[test]
    fn the_rights_request_subject_wins_over_a_newsletters() {
        let text = "To unsubscribe from our newsletter, reply with “Unsubscribe” in the subject line. \
                    California residents may opt out of the sale of personal information by e-mailing us with “California Privacy Rights” in the subject line.";
        let r = request(text).unwrap();
        assert_eq!(r.subject.as_deref(), Some("California Privacy Rights"));
        assert_eq!(r.quotes.len(), 1);
        assert!(r.quotes[0].text.contains("California Privacy Rights"));
    }

    #[test]
    fn quotes_are_exact_slices_with_a_reading() {
        let text = "Privacy Policy\n\nWe use cookies.\n\nTo opt out, e-mail privacy@shop.example with “Opt Out” in the subject line and include your name and order number.";
        let r = request(text).unwrap();
        assert_eq!(r.subject.as_deref(), Some("Opt Out"));
        assert_eq!(r.include, [Name, OrderNumber]);
        assert_eq!(r.quotes.len(), 1);
        let q = &r.quotes[0];
        assert_eq!(&text[q.start..q.end], q.text);
        assert_eq!(
            q.reading,
            "request: put “Opt Out” in the subject line; include your name, your order number"
        );
        // (serde_json is a native-only dependency: the wasm build of these tests skips this.)
        #[cfg(not(target_arch = "wasm32"))]
        {
            let json = serde_json::to_value(&r).unwrap();
            assert_eq!(json["include"], serde_json::json!(["name", "order_number"]));
            assert_eq!(json["subject"], "Opt Out");
        }
    }

    #[test]
    fn odd_text_never_panics() {
        for text in [
            "subject",
            "“",
            "'subject line'",
            "\"\"\" in the subject line \"",
            "Please include: \n: \n:",
            "please include your name, “ in the subject line ’",
            "Betreff: „Datenschutz“ — bitte geben Sie Ihren Namen an. 件名に「個人情報」と記載してください。",
            "with ‘é’ in the subject line, please include your naméé",
        ] {
            let _ = request(text);
        }
        let long = "please include your name and address and ".repeat(2_000);
        let _ = request(&long);
        let quotes = "“x” ".repeat(5_000) + "in the subject line";
        let _ = request(&quotes);
    }
}
