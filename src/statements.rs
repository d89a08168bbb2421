//! The statement reader: each sentence (and each list item together with its
//! lead-in) read as the statements it makes about personal data — who acts,
//! the act, what data, to whom, for whose purpose, with what polarity and
//! modality — so that the questions decide from what the policy *says*, not
//! from which keywords it happens to contain.
//!
//! It is a small grammar over words:
//!
//! 1. **Words.** A sentence is cut into lower-case ASCII words (hyphens split
//!    words: "third-party" is "third party") and the few marks that end a
//!    clause (`,` `;` `:` `(` `)`).
//! 2. **Clauses.** A clause ends at `;`, at a contrastive word ("but",
//!    "however", "although", "except", "unless", "other than"), at a
//!    conditional ("if", "when", "where") and at ", we" / ", our" (a new main
//!    subject: "while we do not sell …, we do share …"). A relative clause
//!    ("that", "which", "who") keeps the polarity of the clause it hangs on:
//!    in "we do not share it with partners who would use it for their own
//!    marketing", the use is denied too.
//! 3. **Acts.** Each verb of [`ACTS`] in a clause is a statement. Its actor is
//!    the last subject word before it in the clause ([`ACTORS`]), else the
//!    site. Its polarity is negated when a negation ([`NEGATIONS`]) stands
//!    before it in the clause — over governing verbs too: in "we do not allow
//!    them to use it", "use" is negated.
//! 4. **Arguments.** From the verb to the end of its reach (the next
//!    contrastive break), the data ([`DATA`]), the recipient ([`RECIPIENTS`])
//!    and the purpose ([`PURPOSES`]) are read from the words there; the
//!    modality ([`Modality`]) from the auxiliaries before the verb and the
//!    words of the sentence.
//! 5. **Kinds.** [`classify`] gives each statement its kind for the selling
//!    question (an admission, a disclosure for the recipient's own marketing,
//!    a CCPA sale, a general or limited denial, rights text, …) and its
//!    strength; `selling.rs` decides the verdict from those by the table in
//!    its docs.

use crate::text::Document;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Who acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The site, its company ("we", "our company", the shop's name).
    Site,
    /// A third party: partners, advertisers, "they", "these companies".
    ThirdParty,
    /// The reader ("you").
    Reader,
    /// "A business" in the general terms of a law ("a business that sells …").
    AnyBusiness,
}

/// What is done with the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Act {
    /// Sell, rent, lease, trade, loan, resell.
    Sell,
    /// Share, disclose, provide, transfer, pass on, make available.
    Share,
    /// Allow or permit others to collect or place cookies.
    AllowCollect,
    /// Use (the data, by the actor).
    Use,
    /// "… may be considered a 'sale'", "… sharing for cross-context behavioral advertising".
    ConsideredSale,
}

/// What data the statement is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Data {
    /// Personal information in general, or "your information".
    Personal,
    /// Contact details: e-mail addresses, names, mailing or customer lists.
    Contact,
    /// Purchase or order history.
    PurchaseHistory,
    /// Aggregate, anonymous, de-identified or non-personal data.
    Aggregate,
    /// The data of one channel only (phone numbers, SMS opt-in data).
    Channel,
    /// No data named.
    Unspecified,
}

/// To whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Recipient {
    /// Service providers that work for the site (shipping, payment, hosting).
    ServiceProviders,
    /// Affiliates, subsidiaries, group companies.
    Affiliates,
    /// Marketing partners, other marketers, "companies whose products…".
    MarketingPartners,
    /// Advertisers, ad networks, advertising partners.
    Advertisers,
    /// Unnamed third parties, partners, others.
    ThirdParties,
    /// "None", "no one", "anyone" under a negation.
    Nobody,
    /// No recipient named.
    Unspecified,
}

/// For whose purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// The recipient's own marketing, offers or advertising.
    TheirMarketing,
    /// Offers to the reader, without saying whose ("to offer you certain products").
    Offers,
    /// The site's own advertising ("to show you our ads").
    OwnAds,
    /// Running the service: shipping, payment, hosting, support.
    Service,
    /// Law, legal process, fraud, safety.
    Legal,
    /// A merger, an acquisition, a sale of the business.
    BusinessTransfer,
    /// Cross-context behavioral advertising (the CPRA's "sharing").
    CrossContextAds,
    /// No purpose named.
    Unspecified,
}

/// Affirmed or denied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    Affirmed,
    Negated,
}

/// How the statement is said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Said as what happens.
    Fact,
    /// "may", "might", "can", "could".
    May,
    /// With the reader's consent, or unless they opt out.
    Consent,
    /// "if we ever …", "in the event of …", a question.
    Hypothetical,
    /// A description of the reader's rights, or of what the law says a business must do.
    Right,
    /// "in the future", "we may begin to".
    Future,
    /// A definition ("'sale' means …").
    Definition,
}

/// What a statement means for the selling question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The site says it sells (rents, trades) personal data.
    SaleAdmission,
    /// The site or its partners say that its sharing is a "sale" or "sharing" under the CCPA/CPRA.
    CcpaSale,
    /// Personal data disclosed to third parties for their own marketing.
    MarketingDisclosure,
    /// Denies selling (or sharing with third parties) personal data in general.
    GeneralDenial,
    /// A denial limited to one channel or excluding some data.
    LimitedDenial,
    /// Sharing with ad platforms to show the site's own ads: tracking, not a sale.
    OwnAds,
    /// Sharing with service providers or affiliates that work for the site.
    ServiceSharing,
    /// Sharing aggregate, anonymous or de-identified data.
    AggregateSharing,
    /// Disclosure for legal reasons or in a business transfer.
    LegalOrTransfer,
    /// A description of rights, a definition, a hypothetical: decides nothing.
    RightsText,
}

/// How strongly a statement decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// A vague template line ("with our partners to offer you certain products").
    Weak,
    /// Explicit.
    Strong,
}

/// One statement of the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Statement {
    /// The sentence it is read from.
    pub sentence: usize,
    /// The lead-in sentence of a list item ("We may share your information with:").
    pub lead_in: Option<usize>,
    pub actor: Actor,
    pub act: Act,
    pub data: Data,
    pub recipient: Recipient,
    pub purpose: Purpose,
    pub polarity: Polarity,
    pub modality: Modality,
    pub kind: Kind,
    pub strength: Strength,
}

// ---------------------------------------------------------------------------
// Lexicons. Each word list is a table of the words policies use; a new
// phrasing should need a word here, not a new rule.

/// Verbs of the acts, by form.
const ACTS: &[(&str, Act)] = &[
    // Selling. Not "exchange": shops exchange goods far more often than data.
    ("sell", Act::Sell),
    ("sells", Act::Sell),
    ("selling", Act::Sell),
    ("sold", Act::Sell),
    ("resell", Act::Sell),
    ("resold", Act::Sell),
    ("rent", Act::Sell),
    ("rents", Act::Sell),
    ("rented", Act::Sell),
    ("renting", Act::Sell),
    ("lease", Act::Sell),
    ("leased", Act::Sell),
    ("trade", Act::Sell),
    ("traded", Act::Sell),
    ("loan", Act::Sell),
    ("barter", Act::Sell),
    ("monetize", Act::Sell),
    // Sharing.
    ("share", Act::Share),
    ("shares", Act::Share),
    ("shared", Act::Share),
    ("sharing", Act::Share),
    ("disclose", Act::Share),
    ("discloses", Act::Share),
    ("disclosed", Act::Share),
    ("disclosing", Act::Share),
    ("provide", Act::Share),
    ("provides", Act::Share),
    ("provided", Act::Share),
    ("transfer", Act::Share),
    ("transfers", Act::Share),
    ("transferred", Act::Share),
    ("give", Act::Share),
    ("given", Act::Share),
    ("pass", Act::Share),
    ("passed", Act::Share),
    ("release", Act::Share),
    ("released", Act::Share),
    ("furnish", Act::Share),
    ("distribute", Act::Share),
    ("distributed", Act::Share),
    ("supply", Act::Share),
    ("available", Act::Share), // "make your details available to"
    // Letting others collect on the site.
    ("allow", Act::AllowCollect),
    ("allows", Act::AllowCollect),
    ("permit", Act::AllowCollect),
    ("permits", Act::AllowCollect),
    ("authorize", Act::AllowCollect),
    ("enable", Act::AllowCollect),
    // Collecting, when a third party does it ("advertisers may collect …").
    ("collect", Act::AllowCollect),
    ("collects", Act::AllowCollect),
    // Using.
    ("use", Act::Use),
    ("uses", Act::Use),
    ("used", Act::Use),
    ("using", Act::Use),
];

/// Subject words: who does what the next verb says.
const ACTORS: &[(&str, Actor)] = &[
    ("we", Actor::Site),
    ("us", Actor::Site),
    ("company", Actor::Site),
    ("they", Actor::ThirdParty),
    ("them", Actor::ThirdParty),
    ("partners", Actor::ThirdParty),
    ("partner", Actor::ThirdParty),
    ("parties", Actor::ThirdParty),
    ("party", Actor::ThirdParty),
    ("advertisers", Actor::ThirdParty),
    ("companies", Actor::ThirdParty),
    ("organizations", Actor::ThirdParty),
    ("networks", Actor::ThirdParty),
    ("retailers", Actor::ThirdParty),
    ("marketers", Actor::ThirdParty),
    ("vendors", Actor::ThirdParty),
    ("sponsors", Actor::ThirdParty),
    ("people", Actor::ThirdParty),
    ("persons", Actor::ThirdParty),
    ("individuals", Actor::ThirdParty),
    ("entities", Actor::ThirdParty),
    ("others", Actor::ThirdParty),
    ("you", Actor::Reader),
    ("business", Actor::AnyBusiness),
    ("businesses", Actor::AnyBusiness),
    ("consumers", Actor::Reader),
    ("residents", Actor::Reader),
];

/// Negations ("n't" is read from the word's end).
const NEGATIONS: &[&str] = &[
    "not",
    "never",
    "no",
    "neither",
    "nor",
    "none",
    "nothing",
    // "they are prohibited / restricted from selling it".
    "prohibited",
    "restricted",
    "forbidden",
    "barred",
];

/// Words that end a clause (and the reach of a negation before them).
const CONTRASTS: &[&str] = &[
    "but", "however", "although", "though", "whereas", "except", "unless", "instead", "rather",
];

/// Words that open a subordinate condition: its own clause.
/// "how" and "whether" open an indirect question ("choices about how advertisers
/// use your information"), which describes and does not state.
/// "asked" opens a request, not a practice ("we have been asked to rent our list").
const CONDITIONS: &[&str] = &[
    "if", "when", "whenever", "where", "should", "once", "how", "whether", "asked",
];

/// Words that open a relative clause, which keeps the polarity it hangs on.
const RELATIVES: &[&str] = &["that", "which", "who", "whom", "whose"];

/// Data words and the kind each names. Later words of a phrase win over
/// earlier ones only by kind priority (see [`Data`] reading in `arguments`).
const DATA: &[(&str, Data)] = &[
    ("personal", Data::Personal),
    ("personally", Data::Personal),
    ("information", Data::Personal),
    ("pii", Data::Personal),
    ("data", Data::Personal),
    ("details", Data::Contact),
    ("identifiers", Data::Personal),
    ("email", Data::Contact),
    ("e", Data::Contact), // "e mail" after hyphen splitting
    ("names", Data::Contact),
    ("name", Data::Contact),
    ("list", Data::Contact),
    ("lists", Data::Contact),
    ("addresses", Data::Contact),
    ("purchase", Data::PurchaseHistory),
    ("purchases", Data::PurchaseHistory),
    ("aggregate", Data::Aggregate),
    ("aggregated", Data::Aggregate),
    ("anonymous", Data::Aggregate),
    ("anonymized", Data::Aggregate),
    ("anonymised", Data::Aggregate),
    ("identified", Data::Aggregate), // "de-identified"
    ("deidentified", Data::Aggregate),
    ("statistical", Data::Aggregate),
    ("statistics", Data::Aggregate),
    ("demographic", Data::Aggregate),
    ("phone", Data::Channel),
    ("mobile", Data::Channel),
    ("sms", Data::Channel),
    ("text", Data::Channel),
    ("opt", Data::Channel), // "opt-in data"
];

/// Recipient words (a phrase's head noun decides).
const RECIPIENTS: &[(&str, Recipient)] = &[
    ("providers", Recipient::ServiceProviders),
    ("provider", Recipient::ServiceProviders),
    ("contractors", Recipient::ServiceProviders),
    ("agents", Recipient::ServiceProviders),
    ("processors", Recipient::ServiceProviders),
    ("carriers", Recipient::ServiceProviders),
    ("shipping", Recipient::ServiceProviders),
    ("affiliates", Recipient::Affiliates),
    ("subsidiaries", Recipient::Affiliates),
    ("marketers", Recipient::MarketingPartners),
    ("retailers", Recipient::MarketingPartners),
    ("merchants", Recipient::MarketingPartners),
    ("advertisers", Recipient::Advertisers),
    ("networks", Recipient::Advertisers),
    ("parties", Recipient::ThirdParties),
    ("party", Recipient::ThirdParties),
    ("partners", Recipient::ThirdParties),
    ("partner", Recipient::ThirdParties),
    ("companies", Recipient::ThirdParties),
    ("organizations", Recipient::ThirdParties),
    ("businesses", Recipient::ThirdParties),
    ("others", Recipient::ThirdParties),
    ("outside", Recipient::ThirdParties),
    ("sponsors", Recipient::ThirdParties),
    ("anyone", Recipient::Nobody),
    ("anybody", Recipient::Nobody),
    ("none", Recipient::Nobody),
];

/// Purpose phrases, as word sequences; the first that occurs in the reach decides
/// (the table is ordered from the most specific).
const PURPOSES: &[(&[&str], Purpose)] = &[
    // The recipient's own marketing.
    (&["their", "own", "marketing"], Purpose::TheirMarketing),
    (&["their", "own", "purposes"], Purpose::TheirMarketing),
    (&["their", "own", "advertising"], Purpose::TheirMarketing),
    (&["their", "own", "promotional"], Purpose::TheirMarketing),
    (&["their", "own", "direct"], Purpose::TheirMarketing),
    (&["their", "own", "products"], Purpose::TheirMarketing),
    (&["their", "own", "offers"], Purpose::TheirMarketing),
    (&["their", "marketing"], Purpose::TheirMarketing),
    (&["their", "direct"], Purpose::TheirMarketing),
    (&["their", "advertising"], Purpose::TheirMarketing),
    (&["their", "promotional"], Purpose::TheirMarketing),
    (&["their", "offers"], Purpose::TheirMarketing),
    (&["their", "products"], Purpose::TheirMarketing),
    (&["its", "own", "marketing"], Purpose::TheirMarketing),
    (&["its", "own", "purposes"], Purpose::TheirMarketing),
    (&["party's", "marketing"], Purpose::TheirMarketing),
    (&["parties'", "marketing"], Purpose::TheirMarketing),
    (&["of", "their", "own"], Purpose::TheirMarketing),
    (&["other", "products"], Purpose::TheirMarketing),
    (&["other", "reputable"], Purpose::TheirMarketing),
    (&["other", "marketers"], Purpose::TheirMarketing),
    (&["other", "advertisers"], Purpose::TheirMarketing),
    (&["whose", "products"], Purpose::TheirMarketing),
    (&["for", "gain"], Purpose::TheirMarketing),
    (&["customer", "list", "available"], Purpose::TheirMarketing),
    // The CPRA's "sharing".
    (&["cross", "context"], Purpose::CrossContextAds),
    // Ads shown to the reader (by the site or ad networks on its behalf):
    // targeted advertising, which is tracking, not a sale.
    (&["provide", "advertisements"], Purpose::OwnAds),
    (&["advertisements", "about"], Purpose::OwnAds),
    (&["ads", "about"], Purpose::OwnAds),
    (&["serve", "ads"], Purpose::OwnAds),
    (&["serve", "advertisements"], Purpose::OwnAds),
    (&["display", "ads"], Purpose::OwnAds),
    (&["deliver", "ads"], Purpose::OwnAds),
    (&["show", "you", "ads"], Purpose::OwnAds),
    (&["targeted", "ads"], Purpose::OwnAds),
    (&["targeted", "advertising"], Purpose::OwnAds),
    (&["interest", "based"], Purpose::OwnAds),
    (&["advertising", "about"], Purpose::OwnAds),
    (&["tailored", "to", "your"], Purpose::OwnAds),
    (&["based", "on", "your"], Purpose::OwnAds),
    (&["relevant", "ads"], Purpose::OwnAds),
    (&["relevant", "advertising"], Purpose::OwnAds),
    // The site's own ads.
    (&["our", "ads"], Purpose::OwnAds),
    (&["our", "advertising"], Purpose::OwnAds),
    (&["our", "advertisements"], Purpose::OwnAds),
    (&["our", "own", "advertising"], Purpose::OwnAds),
    (&["our", "products"], Purpose::OwnAds),
    (&["our", "marketing"], Purpose::OwnAds),
    (&["on", "our", "behalf"], Purpose::Service),
    (&["for", "us"], Purpose::Service),
    (&["services", "to", "us"], Purpose::Service),
    // Offers, without saying whose.
    (&["special", "offers"], Purpose::Offers),
    (&["offer", "you"], Purpose::Offers),
    (&["to", "offer"], Purpose::Offers),
    (&["market", "to", "you"], Purpose::Offers),
    (&["offers"], Purpose::Offers),
    (&["promotions"], Purpose::Offers),
    (&["interest", "you"], Purpose::Offers),
    (&["of", "interest"], Purpose::Offers),
    (&["marketing"], Purpose::Offers),
    (&["promotional"], Purpose::Offers),
    // Running the service.
    (&["ship"], Purpose::Service),
    (&["shipping"], Purpose::Service),
    (&["deliver"], Purpose::Service),
    (&["process"], Purpose::Service),
    (&["fulfill"], Purpose::Service),
    (&["fulfil"], Purpose::Service),
    (&["complete", "your"], Purpose::Service),
    (&["perform"], Purpose::Service),
    (&["operate"], Purpose::Service),
    (&["payment"], Purpose::Service),
    (&["hosting"], Purpose::Service),
    // Law.
    (&["law"], Purpose::Legal),
    (&["legal"], Purpose::Legal),
    (&["subpoena"], Purpose::Legal),
    (&["court"], Purpose::Legal),
    (&["fraud"], Purpose::Legal),
    (&["enforcement"], Purpose::Legal),
    // Selling the business.
    (&["merger"], Purpose::BusinessTransfer),
    (&["acquisition"], Purpose::BusinessTransfer),
    (&["acquired"], Purpose::BusinessTransfer),
    (&["bankruptcy"], Purpose::BusinessTransfer),
    (&["reorganization"], Purpose::BusinessTransfer),
    (&["assets"], Purpose::BusinessTransfer),
];

/// Words that make a sentence a description of rights or of the law.
const RIGHTS: &[&[&str]] = &[
    &["right", "to"],
    &["rights", "to"],
    &["entitled", "to"],
    &["request", "that"],
    &["you", "may", "request"],
    &["you", "can", "request"],
    &["you", "may", "ask"],
    &["may", "request", "information"],
    &["can", "request", "information"],
    &["request", "certain", "information"],
    &["you", "may", "direct"],
    &["have", "the", "right"],
    &["object", "to"],
    &["to", "request"],
    &["request", "a"],
    &["opt", "out", "of", "having"],
];

/// Words that make a sentence a definition.
const DEFINITIONS: &[&[&str]] = &[
    &["means"],
    &["does", "not", "include"],
    &["do", "not", "include"],
    &["defined", "as"],
    &["definition"],
    &["refers", "to"],
    &["broadly", "defined"],
];

/// The sale phrase: "considered / deemed / constitutes a sale".
const SALE_NOUNS: &[&str] = &["sale", "sales", "selling", "sell", "sharing", "sold"];
const DEEMED: &[&str] = &[
    "considered",
    "deemed",
    "constitute",
    "constitutes",
    "constituted",
    "qualify",
    "qualifies",
    "treated",
    "regarded",
    "interpreted",
];

// ---------------------------------------------------------------------------
// Words.

/// A word (or mark) of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    /// The word, lower-cased (a slice of `Document::lower`).
    pub w: &'a str,
    /// Its byte offset in the text ([`Word::at`]): a `u32`, as the text is cut
    /// at 1 MiB, so that a word is 40 bytes instead of 48 (the reader's loops
    /// step over every word of a sentence).
    offset: u32,
    /// Whether it belongs to the list item (as against its lead-in).
    item: bool,
    /// What the lexicons say of it (looked up once).
    pub lex: Lex,
}

impl Word<'_> {
    /// The word's byte offset in the text.
    #[inline]
    pub fn at(&self) -> usize {
        self.offset as usize
    }
}

/// What the lexicons say of one word: one hash look-up per word, instead of
/// a scan of every table for every question asked of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Lex {
    act: Option<Act>,
    actor: Option<Actor>,
    data: Option<Data>,
    recipient: Option<Recipient>,
    negation: bool,
    contrast: bool,
    condition: bool,
    relative: bool,
    /// The sentence-level phrases it starts: 1 + its group's index in
    /// [`SENTENCE_PHRASES`], or 0.
    phrases: u16,
    /// One of [`DEEMED`] ("considered", "deemed").
    deemed: bool,
    /// One of [`SALE_NOUNS`].
    sale_noun: bool,
    /// One of the English function words ([`crate::policy::FUNCTION_WORDS`]).
    pub function: bool,
    /// The statement reader's loop acts on it (a mark, an act, an actor, a
    /// negation, a clause word, …); the other words it steps over at once.
    reads: bool,
    /// The purpose phrases it starts: 1 + its group's index in [`BY_FIRST`], or 0.
    purposes: u16,
    /// The vendor aliases it starts (`vendors.rs`): 1 + their index in the
    /// tracking module's vendor index, or 0.
    pub vendors: u16,
}

/// A word's group number in a table grouped by first word (0 is "none").
fn group_id(index: usize) -> u16 {
    u16::try_from(index + 1).expect("fewer than 65,535 groups")
}

/// FNV-1a: the lexicon's keys are short ASCII words from our own tables, so a
/// simple, fast hash is enough (SipHash's protection buys nothing here and was
/// a tenth of the reading time).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { FNV_OFFSET } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
        self.0 = h;
    }
}

/// A hash map with [`Fnv`], for tables keyed by our own short words.
pub(crate) type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Every lexicon word and what the tables say of it.
static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut m: FastMap<&'static str, Lex> = FastMap::default();
    for (w, a) in ACTS {
        m.entry(w).or_default().act = Some(*a);
    }
    for (w, a) in ACTORS {
        m.entry(w).or_default().actor = Some(*a);
    }
    for (w, d) in DATA {
        m.entry(w).or_default().data = Some(*d);
    }
    for (w, r) in RECIPIENTS {
        m.entry(w).or_default().recipient = Some(*r);
    }
    for w in NEGATIONS {
        m.entry(w).or_default().negation = true;
    }
    for w in CONTRASTS {
        m.entry(w).or_default().contrast = true;
    }
    for w in CONDITIONS {
        m.entry(w).or_default().condition = true;
    }
    for w in RELATIVES {
        m.entry(w).or_default().relative = true;
    }
    for (g, (first, _)) in SENTENCE_PHRASES.iter().enumerate() {
        m.entry(first).or_default().phrases = group_id(g);
    }
    for w in DEEMED {
        m.entry(w).or_default().deemed = true;
    }
    for w in SALE_NOUNS {
        m.entry(w).or_default().sale_noun = true;
    }
    for w in READER_WORDS {
        m.entry(w).or_default().reads = true;
    }
    for w in crate::policy::FUNCTION_WORDS {
        m.entry(w).or_default().function = true;
    }
    for l in m.values_mut() {
        l.reads |= l.act.is_some()
            || l.actor.is_some()
            || l.negation
            || l.contrast
            || l.condition
            || l.relative
            || l.deemed;
    }
    for (g, (first, _)) in BY_FIRST.iter().enumerate() {
        m.entry(first).or_default().purposes = group_id(g);
    }
    for (g, first) in crate::tracking::vendor_firsts().enumerate() {
        m.entry(first).or_default().vendors = group_id(g);
    }
    Lexicon::new(&m)
});

/// FNV-1a of a word's bytes, as the tokenizer computes it while it cuts the word.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

/// The lexicon as an open-addressing table keyed by the words' [`fnv`] hash:
/// the tokenizer hashes each word while it cuts it, so a look-up is a probe
/// or two and one comparison (a `HashMap` hashed every word a second time).
/// The hashes stand in an array of their own (16 KB, where the entries take
/// 98 KB): most words of a text are in no table, and their look-up reads
/// only that array, which stays in the first-level cache.
struct Lexicon {
    /// By slot: the hash of the word there, 0 for an empty slot (no word of
    /// the tables hashes to 0, checked when it is built).
    hashes: Vec<u64>,
    entries: Vec<(&'static str, Lex)>,
    mask: usize,
}

impl Lexicon {
    fn new(words: &FastMap<&'static str, Lex>) -> Self {
        // At most half full, so a miss ends at an empty slot within a probe or two.
        let size = (words.len() * 2).next_power_of_two().max(16);
        let mut hashes = vec![0; size];
        let mut entries = vec![("", Lex::default()); size];
        for (&w, &lex) in words {
            let h = fnv(w.as_bytes());
            assert!(h != 0, "{w:?} hashes to the empty slot's mark");
            let mut i = h as usize & (size - 1);
            while hashes[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            hashes[i] = h;
            entries[i] = (w, lex);
        }
        Lexicon {
            hashes,
            entries,
            mask: size - 1,
        }
    }

    /// The entry of word `w`, whose [`fnv`] hash is `h`.
    #[inline]
    fn get(&self, h: u64, w: &str) -> Lex {
        let mut i = h as usize & self.mask;
        loop {
            let sh = self.hashes[i];
            if sh == h && same_bytes(self.entries[i].0.as_bytes(), w.as_bytes()) {
                return self.entries[i].1;
            }
            if sh == 0 {
                return Lex::default();
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// `a == b` for short words, compared in line: the hashes are equal already,
/// and a call to `memcmp` for each word found cost 0.7 M more instructions a
/// pass over the fixtures.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// What a sentence-level phrase says of the whole sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Said {
    Right,
    Definition,
    Consent,
    Future,
    Transfer,
}

/// The sentence-level phrases, each with what it says, grouped by their
/// first word (a word's [`Lex::phrases`] names its group).
#[allow(clippy::type_complexity)]
static SENTENCE_PHRASES: LazyLock<Vec<(&'static str, Vec<(&'static [&'static str], Said)>)>> =
    LazyLock::new(|| {
        let all = RIGHTS
            .iter()
            .map(|p| (*p, Said::Right))
            .chain(DEFINITIONS.iter().map(|p| (*p, Said::Definition)))
            .chain(CONSENT.iter().map(|p| (*p, Said::Consent)))
            .chain(FUTURE.iter().map(|p| (*p, Said::Future)))
            .chain(TRANSFER.iter().map(|p| (*p, Said::Transfer)));
        let mut groups: Vec<(&'static str, Vec<(&'static [&'static str], Said)>)> = Vec::new();
        for (p, what) in all {
            match groups.iter_mut().find(|(first, _)| *first == p[0]) {
                Some((_, g)) => g.push((p, what)),
                None => groups.push((p[0], vec![(p, what)])),
            }
        }
        groups
    });

/// Words the statement reader's loop acts on besides those the tables mark
/// (see [`Lex::reads`]): "other than", "except", "no longer", "cross-context".
const READER_WORDS: &[&str] = &["other", "except", "longer", "cross"];

/// A sale of the business: "in a merger, acquisition or bankruptcy …".
const TRANSFER: &[&[&str]] = &[
    &["merger"],
    &["acquisition"],
    &["acquired"],
    &["bankruptcy"],
    &["reorganization"],
    &["sale", "of", "our", "business"],
    &["sale", "of", "the", "business"],
    &["sale", "of", "all"],
];

/// Consent: "with your consent", "if you opt in", "if you have not opted out".
const CONSENT: &[&[&str]] = &[
    &["your", "consent"],
    &["your", "permission"],
    &["opt", "in"],
    &["opted", "out"],
];

/// A possible future practice or event.
const FUTURE: &[&[&str]] = &[&["in", "the", "future"], &["in", "the", "event"]];

/// The positions of `words[from..]` that `acts_on` picks, in order, found
/// by a search of their own. A loop that acts on a few words should step
/// over the rest this way: as `continue`s of its own, each skipped word ran
/// the set-up the compiler hoisted above the test (about 40 instructions a
/// word in the statement reader's loop).
fn marked<'w>(
    words: &'w [Word],
    from: usize,
    acts_on: impl Fn(&Word) -> bool + 'w,
) -> impl Iterator<Item = usize> + 'w {
    let mut next = from;
    std::iter::from_fn(move || {
        let k = next + words.get(next..)?.iter().position(&acts_on)?;
        next = k + 1;
        Some(k)
    })
}

/// What the sentence-level phrases of `words` say, in one pass (a phrase is
/// tried only where a word that starts one stands).
#[inline(never)]
fn said(words: &[Word]) -> [bool; 5] {
    let mut out = [false; 5];
    for i in marked(words, 0, |w| w.lex.phrases != 0) {
        for (p, what) in &SENTENCE_PHRASES[usize::from(words[i].lex.phrases) - 1].1 {
            // (The group is the word's own: its first word matches.)
            if p.len() <= words.len() - i
                && p[1..]
                    .iter()
                    .zip(&words[i + 1..])
                    .all(|(r, n)| same(n.w, r))
            {
                out[*what as usize] = true;
            }
        }
    }
    out
}

/// A word as the tables write it: `’` read as `'` ("party’s", "don’t").
#[inline]
pub(crate) fn fold(w: &str) -> std::borrow::Cow<'_, str> {
    // Nearly every word is ASCII: that check is a few instructions, where a
    // search for the three-byte `’` cost a tenth of the reading time.
    if !w.is_ascii() && w.contains('\u{2019}') {
        std::borrow::Cow::Owned(w.replace('\u{2019}', "'"))
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// The words of the whole document, cut once: the statement reader reads
/// each sentence's slice of them and the vendor table is looked up word by
/// word, so the text is tokenised (and each word looked up) a single time.
#[inline(never)]
pub(crate) fn index<'d>(doc: &'d Document) -> Vec<Word<'d>> {
    let mut out = Vec::with_capacity(doc.lower.len() / 5);
    // Sentence by sentence, so that no word runs over a boundary found
    // inside a glued run ("PolicyThis").
    for s in &doc.sentences {
        words_at(&doc.lower, s.span.clone(), true, &mut out);
    }
    out
}

/// Cut lower-case text into words and marks; `’` is read as `'`.
pub(crate) fn words<'a>(lower: &'a str, item: bool, out: &mut Vec<Word<'a>>) {
    words_at(lower, 0..lower.len(), item, out);
}

/// The words of a phrase of our own tables, cut as the text is, without
/// looking them up (this builds the lexicon itself).
pub(crate) fn table_words(phrase: &str) -> Vec<&str> {
    let mut out = Vec::new();
    cut(phrase, 0..phrase.len(), |w, _, _| out.push(w));
    out.retain(|w| !matches!(*w, "," | ";" | ":" | "(" | ")" | "?"));
    out
}

/// Cut `lower[range]` into words and marks, with their offsets in `lower`,
/// and look each word up in the lexicon.
fn words_at<'a>(
    lower: &'a str,
    range: std::ops::Range<usize>,
    item: bool,
    out: &mut Vec<Word<'a>>,
) {
    let lexicon = &*LEXICON;
    cut(lower, range, |w, at, token| {
        let lex = match token {
            Token::Mark => Lex {
                reads: true,
                ..Lex::default()
            },
            Token::Plain(h) => lexicon.get(h, w),
            Token::Apostrophe(h) => {
                let mut l = lexicon.get(h, w);
                // "don't", "can't" are negations.
                l.negation |= w.ends_with("n't");
                l.reads |= l.negation;
                l
            }
            Token::Curly => {
                let folded = fold(w);
                let mut l = lexicon.get(fnv(folded.as_bytes()), &folded);
                l.negation |= folded.ends_with("n't");
                l.reads |= l.negation;
                l
            }
        };
        // Text is cut at MAX_TEXT_BYTES (1 MiB): offsets fit.
        out.push(Word {
            w,
            offset: at as u32,
            item,
            lex,
        });
    });
}

/// What the tokenizer cut, with the word's [`fnv`] hash where it is the
/// word's own bytes.
#[derive(Clone, Copy)]
enum Token {
    /// A clause mark: `,` `;` `:` `(` `)` `?`.
    Mark,
    /// A word of letters and digits.
    Plain(u64),
    /// A word with a straight apostrophe ("don't", "partners'").
    Apostrophe(u64),
    /// A word with a curly one ("don’t"): looked up as [`fold`] writes it.
    Curly,
}

/// The bytes a word is made of: ASCII letters and digits (`lower` is lower-cased).
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// The tokenizer: calls `each(word, offset, token)` for every word and clause
/// mark of `lower[range]`, hashing each word as it goes.
fn cut<'a>(
    lower: &'a str,
    range: std::ops::Range<usize>,
    mut each: impl FnMut(&'a str, usize, Token),
) {
    let b = &lower.as_bytes()[..range.end];
    let mut i = range.start;
    while i < b.len() {
        let c = b[i];
        if WORD_BYTE[usize::from(c)] {
            let start = i;
            let mut h = FNV_OFFSET;
            let mut apostrophe = false;
            while i < b.len() {
                let c = b[i];
                if !WORD_BYTE[usize::from(c)] {
                    // An apostrophe inside a word ("don't") or after an s ("partners'").
                    if c != b'\''
                        || !(b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) || b[i - 1] == b's')
                    {
                        break;
                    }
                    apostrophe = true;
                }
                h = (h ^ u64::from(c)).wrapping_mul(FNV_PRIME);
                i += 1;
            }
            // "’" inside a word ("don’t", "party’s"): keep the word whole.
            let mut curly = false;
            // (The first byte alone first: a slice comparison is a `memcmp` call in wasm.)
            while b.get(i) == Some(&0xE2)
                && b[i..].starts_with("\u{2019}".as_bytes())
                && b.get(i + 3).is_some_and(u8::is_ascii_alphabetic)
            {
                curly = true;
                i += 3;
                while i < b.len() && WORD_BYTE[usize::from(b[i])] {
                    i += 1;
                }
            }
            let token = if curly {
                Token::Curly
            } else if apostrophe {
                Token::Apostrophe(h)
            } else {
                Token::Plain(h)
            };
            each(&lower[start..i], start, token);
            continue;
        }
        if matches!(c, b',' | b';' | b':' | b'(' | b')' | b'?') {
            each(&lower[i..i + 1], i, Token::Mark);
        }
        i += 1;
    }
}

/// Each sentence's words: its range of the document's index, found in one
/// walk (sentences are in order and do not overlap, nor do their words).
fn sentence_ranges(doc: &Document, index: &[Word]) -> Vec<std::ops::Range<usize>> {
    let mut k = 0;
    doc.sentences
        .iter()
        .map(|s| {
            while k < index.len() && index[k].at() < s.span.start {
                k += 1;
            }
            let from = k;
            while k < index.len() && index[k].at() < s.span.end {
                k += 1;
            }
            from..k
        })
        .collect()
}

fn negation(w: &Word) -> bool {
    w.lex.negation
}

/// "not limited to", "not only", "whether or not": a "not" that denies nothing.
#[inline(never)]
fn idle_negation(words: &[Word], k: usize) -> bool {
    let next = words.get(k + 1).map_or("", |w| w.w);
    let prev = if k > 0 { words[k - 1].w } else { "" };
    matches!(next, "limited" | "only" | "necessarily" | "just")
        || (prev == "or" && k >= 2 && words[k - 2].w == "whether")
        || (words[k].w == "no" && matches!(next, "matter" | "cost" | "charge"))
}

/// A text word equals a lexicon word, reading `’` as `'` ("party’s").
#[inline]
pub(crate) fn same(word: &str, lexicon: &str) -> bool {
    same_bytes(word.as_bytes(), lexicon.as_bytes())
        || (word.len() == lexicon.len() + 2 && fold(word) == lexicon)
}

// ---------------------------------------------------------------------------
// Reading.

/// How many words after a sale verb its object may stand ("sell, trade, or
/// otherwise transfer to outside parties your personally identifiable information").
const SELL_OBJECT_REACH: usize = 12;

/// How many sentences back a list item's lead-in may stand.
const LEAD_IN_REACH: usize = 12;
/// A list item is short; longer sentences are prose, not items.
const ITEM_MAX_BYTES: usize = 400;

/// Read every sentence of the document as statements.
#[inline(never)]
pub(crate) fn read(doc: &Document, index: &[Word]) -> Vec<Statement> {
    let mut out = Vec::new();
    let mut buf: Vec<Word> = Vec::new();
    let ranges = sentence_ranges(doc, index);
    let sentence_words = |i: usize| &index[ranges[i].clone()];
    for i in 0..doc.sentences.len() {
        let ws = sentence_words(i);
        // A heading or a menu line names topics; it states nothing, unless it is
        // a whole denial with the site as its subject ("We Do Not Sell Your
        // Personal Information", a line with no full stop).
        if doc.sentences[i].is_heading {
            let denial = ws.first().is_some_and(|w| w.lex.actor == Some(Actor::Site))
                && ws.iter().any(|w| w.lex.negation)
                && ws.iter().any(|w| w.lex.act.is_some());
            if denial {
                let mut read = Vec::new();
                read_words(i, None, ws, &mut read);
                out.extend(
                    read.into_iter()
                        .filter(|st| matches!(st.kind, Kind::GeneralDenial | Kind::LimitedDenial)),
                );
            }
            continue;
        }
        if !ws.iter().any(|w| w.lex.act.is_some() || w.w == "none") {
            continue;
        }
        read_words(i, None, ws, &mut out);
    }
    // List items read with their lead-in: "We may share your information with:" / "• advertisers".
    let list_marks: Vec<ListMark> = (0..doc.sentences.len())
        .map(|j| list_mark(doc, j))
        .collect();
    for i in 1..doc.sentences.len() {
        let Some(lead) = lead_in(doc, &list_marks, i) else {
            continue;
        };
        let item = sentence_words(i);
        // An item with a verb of its own is a sentence of its own, read above.
        if item.iter().any(|w| w.lex.act.is_some()) {
            continue;
        }
        buf.clear();
        let lead_words = sentence_words(lead);
        let lead_words = match lead_words.last() {
            Some(w) if w.w == ":" => &lead_words[..lead_words.len() - 1],
            _ => lead_words,
        };
        // Only a verb makes a statement ("considered a sale", "cross-context"
        // included): a lead-in and item without one say nothing to read.
        let verb = |w: &Word| w.lex.act.is_some() || w.lex.deemed || w.w == "cross";
        if !lead_words.iter().chain(item).any(verb) {
            continue;
        }
        buf.extend(lead_words.iter().map(|w| Word { item: false, ..*w }));
        buf.extend_from_slice(item);
        read_words(i, Some(lead), &buf, &mut out);
    }
    out.sort_by_key(|s| (s.sentence, s.lead_in.is_some()));
    out
}

/// What a sentence is to the list items after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ListMark {
    /// It ends in ':': a lead-in.
    LeadIn,
    /// It ends a list: prose too long for an item, or a title-case heading.
    Break,
    /// Neither: an item, say.
    Other,
}

/// What sentence `j` is to the list items after it (read once per sentence).
fn list_mark(doc: &Document, j: usize) -> ListMark {
    let s = doc.sentence(j).trim_end();
    if s.ends_with(':') {
        ListMark::LeadIn
    } else if s.len() > ITEM_MAX_BYTES || (doc.sentences[j].is_heading && title_case(s)) {
        ListMark::Break
    } else {
        ListMark::Other
    }
}

/// The lead-in of list item `i`: an earlier sentence ending in ':' with only
/// short items between (`marks` holds each sentence's [`list_mark`]).
fn lead_in(doc: &Document, marks: &[ListMark], i: usize) -> Option<usize> {
    if doc.sentences[i].span.len() > ITEM_MAX_BYTES {
        return None;
    }
    for j in (i.saturating_sub(LEAD_IN_REACH)..i).rev() {
        match marks[j] {
            ListMark::LeadIn => return Some(j),
            ListMark::Break => return None,
            ListMark::Other => {}
        }
    }
    None
}

/// A heading in title case ("Cookies And Tracking", "HOW WE USE COOKIES") ends
/// a list; a short item line ("our shipping partners") does not.
fn title_case(s: &str) -> bool {
    let mut long = 0;
    for w in s.split_whitespace().filter(|w| w.len() >= 4) {
        if !w.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        long += 1;
    }
    long >= 2
}

/// What a word sequence says as a whole, for every statement made in it.
#[derive(Clone, Copy)]
struct Whole {
    /// Its sentence-level phrases ([`said`]).
    said: [bool; 5],
    /// It speaks of a right, or asks a question.
    whole_rights: bool,
    /// It defines a sale.
    definition: bool,
    /// "Information we share with third parties: NONE".
    item_none: bool,
    /// "Categories of personal information we have sold in the past 12 months: none."
    ends_none: bool,
}

impl Whole {
    fn of(ws: &[Word], in_list: bool) -> Self {
        let said = said(ws);
        let item_words = ws.iter().filter(|w| w.item).count();
        Whole {
            said,
            whole_rights: said[Said::Right as usize] || ws.iter().any(|w| w.w == "?"),
            definition: said[Said::Definition as usize] && ws.iter().any(|w| w.lex.sale_noun),
            item_none: in_list && item_words <= 2 && ws.iter().any(|w| w.item && w.w == "none"),
            ends_none: ws.last().is_some_and(|w| w.w == "none") && ws.iter().any(|w| w.w == ":"),
        }
    }
}

/// Read the statements of one word sequence (a sentence, or a lead-in and its item).
///
/// The helpers its loop calls for a verb are `#[inline(never)]`: inlined
/// there, they made the loop over every word keep its state on the stack
/// (callgrind over the fixtures: 5.8 M fewer instructions a pass without them).
fn read_words(sentence: usize, lead: Option<usize>, ws: &[Word], out: &mut Vec<Statement>) {
    // How the sentence as a whole is said: read once, when a verb of it first
    // makes a statement (most sequences the loop reads make none).
    let mut whole: Option<Whole> = None;
    let first_new = out.len();

    let mut negated = false;
    // In a lead-in, a verb before its last ';' or contrast word has no reach
    // into the item (see `reach_end`), and that word resets every clause
    // state below: the loop may start after it. (A long lead-in is read
    // again with each of its items.)
    let from = if lead.is_some() {
        let lead_words = ws.iter().position(|w| w.item).unwrap_or(ws.len());
        ws[..lead_words]
            .iter()
            .rposition(|w| w.w == ";" || w.lex.contrast)
            .map_or(0, |p| p + 1)
    } else {
        0
    };
    let mut clause_start = from;
    // Polarity of the clause a relative clause hangs on.
    let mut outer_negated = false;
    let mut actor: Option<Actor> = None;
    let mut conditional = false;
    let mut consent_clause = false;
    let mut ceased = false;
    // Most words say nothing to this loop (see `marked`).
    for k in marked(ws, from, |w| w.lex.reads) {
        let w = ws[k].w;
        // Clause breaks.
        let new_subject = w == ","
            && ws
                .get(k + 1)
                .is_some_and(|n| matches!(n.w, "we" | "our" | "you" | "they"));
        let other_than = w == "other" && ws.get(k + 1).is_some_and(|n| n.w == "than");
        if (w == "except" || other_than) && data_exception(&ws[k + 1 + usize::from(other_than)..]) {
            // The denials before it in this sentence are limited to the rest of the data.
            for st in out[first_new..].iter_mut() {
                if st.kind == Kind::GeneralDenial {
                    st.kind = Kind::LimitedDenial;
                }
            }
        }
        if w == ";" || w == ":" || ws[k].lex.contrast || new_subject || other_than {
            negated = false;
            outer_negated = false;
            clause_start = k + 1;
            actor = None;
            conditional = false;
            consent_clause = false;
            ceased = false;
            continue;
        }
        if ws[k].lex.condition {
            outer_negated = negated;
            negated = false;
            conditional = true;
            consent_clause = matches!(ws.get(k + 1).map(|n| n.w), Some("you"))
                && ws[k + 2..].iter().take(3).any(|n| {
                    matches!(
                        n.w,
                        "agree"
                            | "consent"
                            | "opt"
                            | "choose"
                            | "allow"
                            | "elect"
                            | "subscribe"
                            | "sign"
                            | "request"
                            | "ask"
                    )
                });
            clause_start = k + 1;
            actor = None;
            continue;
        }
        if ws[k].lex.relative {
            // The relative clause inherits the polarity it hangs on, and its
            // subject is the noun it hangs on: "partners who use it" (a third
            // party), "information that is shared" (the data: the site acts),
            // "people who sell our information" (someone else).
            outer_negated = negated || outer_negated;
            negated = false;
            clause_start = k + 1;
            // ("You agree that Site may use …": after a verb, "that" is no relative.)
            actor = if k > 0 { ws[k - 1].lex.actor } else { None };
            continue;
        }
        // "(if you opt out,) we will no longer sell …": what an opt-out stops,
        // neither an admission nor a denial.
        if w == "longer" && k > 0 && ws[k - 1].w == "no" {
            ceased = true;
            continue;
        }
        if negation(&ws[k]) && !idle_negation(ws, k) {
            negated = true;
            continue;
        }
        // ("We are not in the business of selling it": no business acts there.)
        let idiom = w == "business"
            && k > 0
            && ws[k - 1].w == "the"
            && ws.get(k + 1).is_some_and(|n| n.w == "of");
        if let Some(a) = ws[k].lex.actor.filter(|_| !idiom) {
            // "third party" / "service provider" as a subject; "you" only as a subject word.
            actor = Some(a);
        }
        // "considered a sale", "for cross-context behavioral advertising".
        let considered = ws[k].lex.deemed
            && ws[k + 1..]
                .iter()
                .take(4)
                .any(|n| n.lex.sale_noun || n.w == "share");
        let cross_context = w == "cross"
            && ws.get(k + 1).is_some_and(|n| n.w == "context")
            && ws[clause_start..k].iter().any(|p| {
                matches!(
                    p.w,
                    "share" | "shares" | "shared" | "sharing" | "sold" | "sell"
                )
            });
        let act = if considered || cross_context {
            Some(Act::ConsideredSale)
        } else {
            ws[k].lex.act
        };
        let Some(act) = act else { continue };
        if ceased {
            continue;
        }
        // "Do Not Sell My Personal Information" is the name of a link, not a denial.
        if matches!(w, "sell" | "share") && link_name(ws, k) {
            continue;
        }
        // "opt out of selling", "the right to opt out of the sharing": a right or an offer.
        if k >= 2
            && ws[k.saturating_sub(4)..k]
                .windows(3)
                .any(|t| t[0].w == "opt" && t[1].w == "out" && t[2].w == "of")
        {
            continue;
        }
        if (act == Act::Sell && noun_use(ws, k)) || after_determiner(ws, k) {
            continue;
        }
        // A gerund with no subject before it names a topic ("Selling Information",
        // "Sharing of data with partners"), it states nothing.
        if w.ends_with("ing") && actor.is_none() && act != Act::ConsideredSale && !negated {
            continue;
        }
        // "for sale" (our products), "sale of our business": no act on data.
        if act == Act::Sell
            && matches!(w, "sell" | "sells" | "selling" | "sold")
            && selling_goods(ws, k)
        {
            continue;
        }
        // The general verbs of giving act on data only with the data as their
        // object: "provide your information to", not "provide, operate and
        // maintain our website" or "provide you with".
        if matches!(
            w,
            "provide"
                | "provides"
                | "provided"
                | "give"
                | "given"
                | "supply"
                | "release"
                | "released"
                | "distribute"
                | "distributed"
        ) && !ws[k + 1..]
            .iter()
            .take(4)
            .any(|n| n.lex.data.is_some() && n.w != "details" || matches!(n.w, "it" | "this"))
        {
            continue;
        }
        // "available" acts only as "make … available to".
        if w == "available"
            && !ws[clause_start..k]
                .iter()
                .any(|p| matches!(p.w, "make" | "makes" | "made" | "making"))
        {
            continue;
        }
        let &mut Whole {
            said: said_here,
            whole_rights,
            definition,
            item_none,
            ends_none,
        } = whole.get_or_insert_with(|| Whole::of(ws, lead.is_some()));
        let (with_consent, future) = (
            said_here[Said::Consent as usize],
            said_here[Said::Future as usize],
        );
        let polarity = if negated || outer_negated || item_none || ends_none {
            Polarity::Negated
        } else {
            Polarity::Affirmed
        };
        let reach = reach_end(ws, k);
        // In a lead-in, only a verb whose arguments run on into the item
        // speaks of it (not one before "…, except as follows:").
        if lead.is_some() && !ws[k..reach].iter().any(|w| w.item) {
            continue;
        }
        let args = &ws[k + 1..reach];
        let before = &ws[clause_start..k];
        let data = match ws.get(k + 1).map(|n| n.w) {
            Some("it" | "this" | "such") => Data::Personal,
            // A sale is of its object ("sell your information") or, in the
            // passive, of its subject ("information … is sold").
            _ if act == Act::Sell => {
                let object = read_data(ws, k + 1, object_end(ws, k, reach));
                if object != Data::Unspecified {
                    object
                } else if passive(ws, k) || object_relative(&ws[clause_start..k]) {
                    read_data(ws, clause_start, k)
                } else {
                    Data::Unspecified
                }
            }
            _ => read_data(ws, clause_start, reach),
        };
        let recipient = if item_none {
            Recipient::Nobody
        } else {
            read_recipient(args)
        };
        // The purpose follows the verb ("… with partners for their marketing");
        // words before it name the actor ("promotional partners may use …").
        let purpose = if said_here[Said::Transfer as usize] && matches!(act, Act::Sell | Act::Share)
        {
            Purpose::BusinessTransfer
        } else {
            read_purpose(&ws[k + 1..reach.max(k + 1)])
        };
        let modality = if definition {
            Modality::Definition
        } else if whole_rights || actor == Some(Actor::AnyBusiness) {
            Modality::Right
        } else if conditional && !consent_clause {
            Modality::Hypothetical
        } else if consent_clause || with_consent {
            Modality::Consent
        } else if future {
            Modality::Future
        } else if before.iter().any(|b| {
            matches!(
                b.w,
                "may" | "might" | "can" | "could" | "occasionally" | "sometimes"
            )
        }) {
            Modality::May
        } else {
            Modality::Fact
        };
        // In the passive the subject is what is acted on ("third party cookies
        // are used"); the actor is the agent after "by", else the site.
        let actor = if passive(ws, k) && act != Act::ConsideredSale {
            ws[k + 1..reach]
                .iter()
                .position(|w| w.w == "by")
                .and_then(|b| {
                    ws[k + 2 + b..reach]
                        .iter()
                        .take(4)
                        .find_map(|w| w.lex.actor)
                })
        } else {
            actor
        };
        // What "may be considered a sale" is the site's own sharing.
        let actor = if act == Act::ConsideredSale {
            Actor::Site
        } else {
            actor.unwrap_or(Actor::Site)
        };
        let mut st = Statement {
            sentence,
            lead_in: lead,
            actor,
            act,
            data,
            recipient,
            purpose,
            polarity,
            modality,
            kind: Kind::RightsText,
            strength: Strength::Weak,
        };
        if let Some((kind, strength)) = classify(&st, ws) {
            st.kind = kind;
            st.strength = strength;
            // A list item adds a statement only when the item itself adds to the lead-in's.
            if lead.is_some() && !item_adds(ws) {
                continue;
            }
            // One statement per kind and sentence: the strongest, then the first.
            match out.iter_mut().find(|o: &&mut Statement| {
                o.sentence == st.sentence && o.kind == st.kind && o.lead_in == st.lead_in
            }) {
                Some(o) if o.strength < st.strength => *o = st,
                Some(_) => {}
                None => out.push(st),
            }
        }
    }
    // "While we do not sell … in a traditional sense, we do share … that may be
    // considered a sale": a denial that the same sentence takes back is limited.
    let new = &mut out[first_new..];
    if new
        .iter()
        .any(|st| st.strength == Strength::Strong && is_admission(st.kind))
    {
        for st in new.iter_mut().filter(|st| st.kind == Kind::GeneralDenial) {
            st.kind = Kind::LimitedDenial;
        }
    }
}

/// Whether the words after an "except" / "other than" carve some data out of a
/// denial ("except the analytics data described above"), as against naming a
/// recipient, a purpose or a condition ("except as described", "except to our
/// service providers", "except when required by law").
#[inline(never)]
fn data_exception(rest: &[Word]) -> bool {
    let rest: Vec<&str> = rest
        .iter()
        .map(|w| w.w)
        .filter(|w| *w != "for")
        .take(6)
        .collect();
    let opens = rest.first().is_some_and(|w| {
        matches!(
            *w,
            "the"
                | "any"
                | "our"
                | "your"
                | "such"
                | "certain"
                | "aggregate"
                | "aggregated"
                | "de"
                | "anonymized"
                | "anonymised"
                | "analytics"
                | "cookie"
                | "cookies"
        )
    });
    let names_data = rest.iter().any(|w| {
        matches!(
            *w,
            "data" | "information" | "identifiers" | "analytics" | "cookie" | "cookies"
        )
    });
    let purpose = rest.iter().any(|w| {
        matches!(
            *w,
            "purpose" | "purposes" | "providers" | "law" | "circumstances"
        )
    });
    opens && names_data && !purpose
}

/// Where the object of the verb at `k` ends: after [`SELL_OBJECT_REACH`]
/// words, or at another verb once other words came between ("sell dog
/// training videos and provide … information": the information is provided,
/// not sold; but "sell, trade, or otherwise transfer … your information").
#[inline(never)]
fn object_end(ws: &[Word], k: usize, reach: usize) -> usize {
    let end = reach.min(k + 1 + SELL_OBJECT_REACH);
    let mut other = false;
    for (j, w) in ws.iter().enumerate().take(end).skip(k + 1) {
        if w.lex.act.is_some() {
            if other {
                return j;
            }
        } else if !matches!(
            w.w,
            "," | "or" | "and" | "otherwise" | "also" | "not" | "to"
        ) {
            other = true;
        }
    }
    end
}

/// "… is / be / been sold": a passive sale verb.
#[inline(never)]
fn passive(ws: &[Word], k: usize) -> bool {
    ws[k.saturating_sub(3)..k]
        .iter()
        .any(|w| matches!(w.w, "is" | "are" | "be" | "been" | "was" | "were" | "being"))
}

/// "(categories of) personal information we have sold": the data before "we" is the object.
#[inline(never)]
fn object_relative(before: &[Word]) -> bool {
    let Some(we) = before.iter().rposition(|w| w.w == "we") else {
        return false;
    };
    before[..we].iter().any(|w| w.lex.data.is_some())
}

/// "any trade", "the use of", "of trade": after a determiner the word is a noun.
#[inline(never)]
fn after_determiner(ws: &[Word], k: usize) -> bool {
    k > 0
        && matches!(
            ws[k - 1].w,
            "the" | "a" | "an" | "any" | "of" | "our" | "their" | "its" | "this" | "such" | "your"
        )
        && !matches!(ws[k].w, "available")
        // "in the business of selling it" is the act itself.
        && !(ws[k - 1].w == "of" && k > 1 && ws[k - 2].w == "business")
}

/// "selling requests", "trade show", "buying and selling": the verb's word used as a noun.
#[inline(never)]
fn noun_use(ws: &[Word], k: usize) -> bool {
    let next = ws.get(k + 1).map_or("", |w| w.w);
    let prev = if k > 0 { ws[k - 1].w } else { "" };
    let prev2 = if k > 1 { ws[k - 2].w } else { "" };
    (matches!(prev, "and" | "or") && prev2 == "buying")
        || matches!(
            next,
            "requests"
                | "opportunities"
                | "opportunity"
                | "price"
                | "prices"
                | "show"
                | "shows"
                | "name"
                | "names"
                | "secret"
                | "secrets"
                | "mark"
                | "marks"
                | "association"
                | "associations"
                | "publications"
                | "dress"
                | "agreement"
                | "points"
                | "process"
                | "union"
                | "unions"
                | "membership"
        )
}

/// "(do not) sell my (personal) information", "sell or share my …": the opt-out link's name.
#[inline(never)]
fn link_name(ws: &[Word], k: usize) -> bool {
    let next: Vec<&str> = ws[k + 1..].iter().take(3).map(|w| w.w).collect();
    matches!(
        next.as_slice(),
        ["my", ..] | ["or", "share", "my"] | ["share", "my", ..]
    )
}

/// Whether a sentence discloses data to third parties, affirmed: the sharing
/// that a follow-up sentence ("These companies may use …") speaks of.
pub(crate) fn discloses_to_others(lower: &str) -> bool {
    let mut ws = Vec::new();
    words(lower, true, &mut ws);
    let mut negated = false;
    for (k, w) in ws.iter().enumerate() {
        if negation(w) {
            negated = true;
        }
        if !negated && w.lex.act == Some(Act::Share) {
            return ws[k + 1..].iter().any(|r| {
                matches!(
                    r.lex.recipient,
                    Some(
                        Recipient::ThirdParties
                            | Recipient::MarketingPartners
                            | Recipient::Advertisers
                    )
                )
            });
        }
    }
    false
}

/// The kinds that say the site sells (or shares for others' marketing).
pub(crate) fn is_admission(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::SaleAdmission | Kind::CcpaSale | Kind::MarketingDisclosure
    )
}

/// "for sale", "sell our products", "sale of our business": goods or a business, not data.
#[inline(never)]
fn selling_goods(ws: &[Word], k: usize) -> bool {
    let next: Vec<&str> = ws[k + 1..].iter().take(3).map(|w| w.w).collect();
    let prev = if k > 0 { ws[k - 1].w } else { "" };
    prev == "for"
        || matches!(
            next.as_slice(),
            ["you", "a" | "an" | "the" | "our" | "any", ..]
        )
        || matches!(
            next.first(),
            Some(&("products" | "goods" | "items" | "merchandise" | "gift" | "tickets"))
        )
        || matches!(
            next.as_slice(),
            [
                "our" | "the" | "all" | "a",
                "products" | "business" | "company" | "assets" | "stock" | "goods" | "items",
                ..
            ]
        )
        || matches!(
            next.as_slice(),
            ["or", "transfer", ..] | ["or", "merge", ..]
        )
}

/// Whether the item part of a lead-in + item sequence names data, a recipient or a purpose.
#[inline(never)]
fn item_adds(ws: &[Word]) -> bool {
    ws.iter().filter(|w| w.item).any(|w| {
        w.lex.recipient.is_some()
            || w.lex.data.is_some()
            || matches!(
                w.w,
                "offers"
                    | "marketing"
                    | "advertising"
                    | "promotions"
                    | "none"
                    | "interest"
                    | "products"
            )
    })
}

/// Where a verb's arguments end: the next contrastive break, `;`, or the end.
#[inline(never)]
fn reach_end(ws: &[Word], k: usize) -> usize {
    ws[k + 1..]
        .iter()
        .position(|w| w.w == ";" || w.lex.contrast)
        .map_or(ws.len(), |p| k + 1 + p)
}

/// The data a clause speaks of: aggregate and channel words qualify the rest.
#[inline(never)]
fn read_data(ws: &[Word], from: usize, to: usize) -> Data {
    let span = &ws[from..to];
    let mut found = Data::Unspecified;
    let mut k = 0;
    while k < span.len() {
        let w = span[k].w;
        // "non-personal", "not personally identifiable", "does not identify you".
        if (w == "non" || w == "not")
            && span
                .get(k + 1)
                .is_some_and(|n| matches!(n.w, "personal" | "personally" | "identifiable"))
        {
            return Data::Aggregate;
        }
        // The rest reads data words only (the tests below tell which of
        // them name no data where they stand).
        let Some(d) = span[k].lex.data else {
            k += 1;
            continue;
        };
        if w == "identified" && (k == 0 || span[k - 1].w != "de") {
            k += 1;
            continue;
        }
        if w == "e" && span.get(k + 1).is_none_or(|n| n.w != "mail") {
            k += 1;
            continue;
        }
        if w == "text"
            && span
                .get(k + 1)
                .is_none_or(|n| !matches!(n.w, "message" | "messages" | "messaging"))
        {
            k += 1;
            continue;
        }
        if w == "opt" && span.get(k + 1).is_none_or(|n| n.w != "in") {
            k += 1;
            continue;
        }
        if w == "purchase"
            && span.get(k + 1).is_none_or(|n| {
                !matches!(
                    n.w,
                    "history" | "histories" | "information" | "data" | "records"
                )
            })
        {
            k += 1;
            continue;
        }
        found = match (found, d) {
            (Data::Aggregate, _) | (_, Data::Aggregate) => Data::Aggregate,
            (Data::Channel, _) | (_, Data::Channel) => Data::Channel,
            (Data::PurchaseHistory, _) | (_, Data::PurchaseHistory) => Data::PurchaseHistory,
            (Data::Unspecified, d) => d,
            (Data::Contact, Data::Personal) => Data::Contact,
            (f, _) => f,
        };
        k += 1;
    }
    found
}

/// The recipient named after the verb: the most specific kind wins.
#[inline(never)]
fn read_recipient(args: &[Word]) -> Recipient {
    let mut found = Recipient::Unspecified;
    for (k, w) in args.iter().enumerate() {
        let Some(mut r) = w.lex.recipient else {
            continue;
        };
        let prev = if k > 0 { args[k - 1].w } else { "" };
        if r == Recipient::ServiceProviders
            && w.w.starts_with("provider")
            && prev != "service"
            && prev != "party"
        {
            continue;
        }
        if r == Recipient::ThirdParties
            && matches!(prev, "marketing" | "advertising" | "promotional")
        {
            r = if prev == "advertising" {
                Recipient::Advertisers
            } else {
                Recipient::MarketingPartners
            };
        }
        if r == Recipient::Advertisers && w.w == "networks" && !matches!(prev, "ad" | "advertising")
        {
            continue;
        }
        found = match (found, r) {
            (Recipient::Unspecified, r) => r,
            (Recipient::ThirdParties, r) if r != Recipient::Nobody => r,
            (f, _) => f,
        };
    }
    found
}

/// Verbs of marketing, and the words of what is marketed.
const MARKETING_VERBS: &[&str] = &[
    "send",
    "offer",
    "market",
    "promote",
    "advertise",
    "contact",
    "provide",
    "bring",
    "mail",
];
const MARKETED: &[&str] = &[
    "offers",
    "offerings",
    "marketing",
    "products",
    "promotions",
    "promotional",
    "advertising",
    "interest",
    "opportunities",
    "mailings",
];

/// The recipients market to the reader themselves: "… so they can send you
/// offers", "partners that provide product offerings that may interest you",
/// "companies who may contact you with promotions". Their marketing, not the site's.
fn recipients_market(args: &[Word]) -> bool {
    args.iter().enumerate().any(|(k, w)| {
        matches!(w.w, "they" | "who" | "which" | "that")
            && args[k + 1..]
                .iter()
                .take(4)
                .any(|v| MARKETING_VERBS.contains(&v.w))
            && args[k + 1..]
                .iter()
                .take(10)
                .any(|m| MARKETED.contains(&m.w))
            && !args[k + 1..]
                .iter()
                .take(10)
                .any(|m| matches!(m.w, "us" | "behalf"))
    })
}

/// The first purpose phrase that occurs.
#[inline(never)]
fn read_purpose(span: &[Word]) -> Purpose {
    let first = first_purpose(span);
    // Ads tailored to the reader are targeted advertising, whoever serves them.
    if first != Purpose::OwnAds && recipients_market(span) {
        return Purpose::TheirMarketing;
    }
    first
}

/// [`PURPOSES`] grouped by first word: (the word, and for each of its
/// phrases: rank in the table, the other words, the purpose).
type PurposeIndex = Vec<(&'static str, Vec<(usize, &'static [&'static str], Purpose)>)>;

/// The phrases grouped by first word (a word's [`Lex::purposes`] names its group).
static BY_FIRST: LazyLock<PurposeIndex> = LazyLock::new(|| {
    let mut groups: PurposeIndex = Vec::new();
    for (rank, (seq, p)) in PURPOSES.iter().enumerate() {
        let phrase = (rank, &seq[1..], *p);
        match groups.iter_mut().find(|(first, _)| *first == seq[0]) {
            Some((_, g)) => g.push(phrase),
            None => groups.push((seq[0], vec![phrase])),
        }
    }
    groups
});

/// The first purpose phrase of [`PURPOSES`] that occurs.
fn first_purpose(span: &[Word]) -> Purpose {
    let mut best: Option<(usize, Purpose)> = None;
    for i in marked(span, 0, |w| w.lex.purposes != 0) {
        for (rank, rest, p) in &BY_FIRST[usize::from(span[i].lex.purposes) - 1].1 {
            let fits = rest.len() < span.len() - i
                && rest
                    .iter()
                    .enumerate()
                    .all(|(k, r)| same(span[i + 1 + k].w, r));
            if fits && best.is_none_or(|b| *rank < b.0) {
                best = Some((*rank, *p));
            }
        }
    }
    best.map_or(Purpose::Unspecified, |(_, p)| p)
}

/// The selling reading of a statement, or `None` when it bears on nothing.
///
/// | statement | kind | strength |
/// |---|---|---|
/// | a definition, rights text, a hypothetical | rights text | — |
/// | "… considered a sale / sharing under the CCPA", sharing for cross-context ads, affirmed | CCPA sale | strong |
/// | the site sells personal data, affirmed | sale admission | strong |
/// | the site sells data, denied, of personal data in general | general denial | — |
/// | … denied, but only of one channel's data | limited denial | — |
/// | disclosed to third parties for *their* marketing, affirmed | marketing disclosure | strong |
/// | a third party uses it to send offers, affirmed | marketing disclosure | strong |
/// | the site shares with partners "to offer you products" | marketing disclosure | weak |
/// | shared with (any) third parties, denied | general denial | — |
/// | shared with ad platforms for the site's own ads | own ads | — |
/// | aggregate / anonymous data shared | aggregate sharing | — |
/// | shared with service providers, affiliates | service sharing | — |
/// | shared for legal reasons or a business transfer | legal or transfer | — |
#[inline(never)]
fn classify(st: &Statement, ws: &[Word]) -> Option<(Kind, Strength)> {
    use Strength::{Strong, Weak};
    let affirmed = st.polarity == Polarity::Affirmed;
    let personal = !matches!(st.data, Data::Aggregate);
    let talk = matches!(
        st.modality,
        Modality::Right | Modality::Definition | Modality::Hypothetical | Modality::Future
    );
    if st.purpose == Purpose::BusinessTransfer && affirmed {
        return Some((Kind::LegalOrTransfer, Weak));
    }
    match st.act {
        Act::ConsideredSale => {
            if talk && st.modality != Modality::Future {
                return Some((Kind::RightsText, Weak));
            }
            Some(if affirmed {
                (Kind::CcpaSale, Strong)
            } else {
                (Kind::GeneralDenial, Strong)
            })
        }
        Act::Sell => {
            // "We will not, now or in the future, sell it" denies; a sale that may
            // come in the future is talk.
            if talk && (affirmed || st.modality != Modality::Future) {
                return Some((Kind::RightsText, Weak));
            }
            if st.actor == Actor::Reader || st.data == Data::Unspecified {
                return None;
            }
            if !affirmed {
                return Some(if st.data == Data::Channel {
                    (Kind::LimitedDenial, Weak)
                } else {
                    (Kind::GeneralDenial, Strong)
                });
            }
            if !personal {
                return Some((Kind::AggregateSharing, Weak));
            }
            if st.actor == Actor::ThirdParty {
                // Partners that "may sell" what they collect on the site, in the
                // CCPA's sense; other parties' sales are not the site's.
                let ccpa = ws
                    .iter()
                    .any(|w| matches!(w.w, "ccpa" | "cpra" | "california" | "defined"));
                return ccpa.then_some((Kind::CcpaSale, Strong));
            }
            Some((Kind::SaleAdmission, Strong))
        }
        Act::Share | Act::AllowCollect | Act::Use => {
            if talk {
                // Rights text about disclosures for marketing is worth showing; the
                // rest ("this policy explains how we collect …") is no statement.
                return matches!(
                    st.purpose,
                    Purpose::TheirMarketing | Purpose::CrossContextAds
                )
                .then_some((Kind::RightsText, Weak));
            }
            // Who can disclose what: the site shares and lets others collect; a
            // third party collects and uses. ("We use it to …" is the site's own use;
            // "partners that provide services to us" share nothing.)
            let fits = match st.act {
                Act::Use => st.actor == Actor::ThirdParty,
                Act::AllowCollect => {
                    st.actor == Actor::ThirdParty
                        || !matches!(
                            ws.iter()
                                .find(|w| w.lex.act == Some(Act::AllowCollect))
                                .map(|w| w.w),
                            Some("collect" | "collects")
                        )
                }
                _ => st.actor == Actor::Site,
            };
            if !fits || st.data == Data::Unspecified && st.recipient != Recipient::Nobody {
                return None;
            }
            let third = matches!(
                st.recipient,
                Recipient::ThirdParties | Recipient::MarketingPartners | Recipient::Advertisers
            ) || st.actor == Actor::ThirdParty;
            if !affirmed {
                // "we do not share your information with third parties", "… for their marketing".
                let general = personal
                    && st.data != Data::Channel
                    && st.act != Act::Use
                    && (third || st.recipient == Recipient::Nobody)
                    && st.actor == Actor::Site
                    && !matches!(
                        st.purpose,
                        Purpose::Service | Purpose::Legal | Purpose::OwnAds
                    );
                return general.then_some((Kind::GeneralDenial, Weak));
            }
            if !personal {
                return third.then_some((Kind::AggregateSharing, Weak));
            }
            // Third parties collecting on the site (cookies, pixels) is tracking,
            // unless it is said to be for their own marketing.
            if st.act == Act::AllowCollect && st.purpose != Purpose::TheirMarketing {
                return third.then_some((Kind::OwnAds, Weak));
            }
            match st.purpose {
                Purpose::TheirMarketing if third => Some((Kind::MarketingDisclosure, Strong)),
                Purpose::CrossContextAds => Some((Kind::CcpaSale, Strong)),
                Purpose::Offers if third => {
                    // The third party itself offers or markets: "partners may use it to send you offers".
                    let strong = st.actor == Actor::ThirdParty
                        || st.recipient == Recipient::MarketingPartners
                        || (st.act == Act::Share && st.data == Data::Contact);
                    Some((
                        Kind::MarketingDisclosure,
                        if strong { Strong } else { Weak },
                    ))
                }
                Purpose::OwnAds => Some((Kind::OwnAds, Weak)),
                Purpose::Service => Some((Kind::ServiceSharing, Weak)),
                Purpose::Legal => Some((Kind::LegalOrTransfer, Weak)),
                _ => match st.recipient {
                    Recipient::ServiceProviders | Recipient::Affiliates => {
                        Some((Kind::ServiceSharing, Weak))
                    }
                    _ => None,
                },
            }
        }
    }
}

impl Statement {
    /// The statement in plain words, for the popup, the page and the CLI.
    pub(crate) fn reading(&self) -> String {
        let who = match self.actor {
            Actor::Site => "the site",
            Actor::ThirdParty => "third parties",
            Actor::Reader => "you",
            Actor::AnyBusiness => "a business",
        };
        let denied = self.polarity == Polarity::Negated;
        // "the site sells", "third parties sell", "you share": the verb agrees with its actor.
        let plural = matches!(self.actor, Actor::ThirdParty | Actor::Reader);
        let (base, singular) = match self.act {
            Act::Sell => ("sell", "sells"),
            Act::Share => ("share", "shares"),
            Act::AllowCollect => ("let others collect", "lets others collect"),
            Act::Use => ("use", "uses"),
            Act::ConsideredSale => ("say", "says"),
        };
        let verb: [&str; 2] = match (self.act, denied, plural) {
            (Act::ConsideredSale, false, _) => [singular, " its sharing may count as a sale"],
            (Act::ConsideredSale, true, _) => [singular, " nothing it shares counts as a sale"],
            (_, false, false) => [singular, ""],
            (_, false, true) => [base, ""],
            (_, true, false) => ["does not ", base],
            (_, true, true) => ["do not ", base],
        };
        let data = match self.data {
            Data::Personal | Data::Unspecified => "personal data",
            Data::Contact => "contact details",
            Data::PurchaseHistory => "purchase history",
            Data::Aggregate => "aggregate or anonymous data",
            Data::Channel => "one channel's data (e.g. phone numbers)",
        };
        let to = match self.recipient {
            Recipient::ServiceProviders => "service providers",
            Recipient::Affiliates => "affiliates",
            Recipient::MarketingPartners => "marketing partners",
            Recipient::Advertisers => "advertisers",
            Recipient::ThirdParties => "third parties",
            Recipient::Nobody => "anyone",
            Recipient::Unspecified => "",
        };
        let to: [&str; 2] = match (to, self.act) {
            ("", _) | (_, Act::ConsideredSale | Act::AllowCollect | Act::Use) => ["", ""],
            (_, Act::Sell) => [" to ", to],
            _ => [" with ", to],
        };
        let why = match self.purpose {
            Purpose::TheirMarketing => " for their own marketing",
            Purpose::Offers => " to offer you products",
            Purpose::OwnAds => " for the site's own ads",
            Purpose::Service => " to run the service",
            Purpose::Legal => " for legal reasons",
            Purpose::BusinessTransfer => " in a sale of the business",
            Purpose::CrossContextAds => " for cross-context behavioral ads",
            Purpose::Unspecified => "",
        };
        let how = match self.modality {
            Modality::Fact => "",
            Modality::May => " (may)",
            Modality::Consent => " (with your consent or unless you opt out)",
            Modality::Hypothetical => " (only if it happens)",
            Modality::Right => " (describes a right, not the site's practice)",
            Modality::Future => " (possibly in the future)",
            Modality::Definition => " (a definition)",
        };
        // "the site sells personal data to third parties for their own marketing";
        // a statement that sharing counts as a sale says no more than that.
        let object: [&str; 5] = if self.act == Act::ConsideredSale {
            [""; 5]
        } else {
            [" ", data, to[0], to[1], why]
        };
        let label = match self.kind {
            Kind::SaleAdmission => "sale",
            Kind::CcpaSale => "CCPA sale or sharing",
            Kind::MarketingDisclosure if self.strength == Strength::Strong => {
                "shared for others' marketing"
            }
            Kind::MarketingDisclosure => "shared for marketing (vague)",
            Kind::GeneralDenial => "denial",
            Kind::LimitedDenial => "limited denial",
            Kind::OwnAds => "the site's own ads",
            Kind::ServiceSharing => "service providers",
            Kind::AggregateSharing => "aggregate data",
            Kind::LegalOrTransfer => "legal or business transfer",
            Kind::RightsText => "rights text",
        };
        // Pieces joined in one string (a `format!` of each part was 1.5 M
        // instructions a pass over the fixtures).
        let pieces = [label, ": ", who, " ", verb[0], verb[1]];
        let pieces = pieces.iter().chain(&object).chain([&how]);
        let mut out = String::with_capacity(pieces.clone().map(|p| p.len()).sum());
        pieces.for_each(|p| out.push_str(p));
        out
    }
}

/// Build this module's patterns and tables now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    force![LEXICON, SENTENCE_PHRASES, BY_FIRST];
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, Strength)> {
        let doc = Document::new(text, &[]);
        read(&doc, &index(&doc))
            .iter()
            .map(|s| (s.kind, s.strength))
            .collect()
    }

    fn has(text: &str, kind: Kind) -> bool {
        kinds(text).iter().any(|(k, _)| *k == kind)
    }

    #[test]
    fn negation_over_a_governing_verb() {
        let t = "We do not allow these companies to use your information for their own marketing purposes.";
        assert!(!has(t, Kind::MarketingDisclosure), "{:?}", kinds(t));
        let t = "We do not permit our service providers to use your personal information for their own marketing.";
        assert!(!has(t, Kind::MarketingDisclosure));
    }

    #[test]
    fn a_relative_clause_keeps_the_polarity() {
        let t = "We will never share your personal information with partners who would use it for their own marketing.";
        assert!(!has(t, Kind::MarketingDisclosure), "{:?}", kinds(t));
        assert!(has(t, Kind::GeneralDenial));
    }

    #[test]
    fn a_traditional_sense_denial_then_a_ccpa_sale() {
        let t = "While we do not sell personal information in a traditional sense, we do share some personal information with third parties that may be considered a sale under the CCPA.";
        assert!(has(t, Kind::CcpaSale), "{:?}", kinds(t));
    }

    #[test]
    fn curly_apostrophes_read_as_straight_ones() {
        let t = "We disclose personal information to a trusted third party for purpose of that third party\u{2019}s marketing efforts.";
        assert!(
            kinds(t).contains(&(Kind::MarketingDisclosure, Strength::Strong)),
            "{:?}",
            kinds(t)
        );
    }

    #[test]
    fn every_table_word_is_found_as_the_tokenizer_cuts_it() {
        for (w, act) in ACTS {
            let mut out = Vec::new();
            words(w, true, &mut out);
            assert_eq!(out.len(), 1, "{w}");
            assert_eq!(out[0].lex.act, Some(*act), "{w}");
        }
        let mut out = Vec::new();
        words("don’t, can't; partners' SELLS sell_x sell", true, &mut out);
        let cut: Vec<(&str, bool, bool)> = out
            .iter()
            .map(|w| (w.w, w.lex.negation, w.lex.act.is_some()))
            .collect();
        assert_eq!(
            cut,
            [
                ("don’t", true, false),
                (",", false, false),
                ("can't", true, false),
                (";", false, false),
                ("partners'", false, false),
                ("SELLS", false, false),
                ("sell", false, true),
                ("x", false, false),
                ("sell", false, true),
            ]
        );
    }

    #[test]
    fn a_denial_the_sentence_takes_back_is_limited() {
        let t = "While we do not sell personal information in a traditional sense, we do share some personal information with third parties that may be considered a sale under the CCPA.";
        assert!(
            has(t, Kind::LimitedDenial) && !has(t, Kind::GeneralDenial),
            "{:?}",
            kinds(t)
        );
    }

    #[test]
    fn aggregate_data_is_no_sale_of_personal_data() {
        let t = "We may share aggregated, de-identified information with our partners for their marketing.";
        assert!(!has(t, Kind::MarketingDisclosure), "{:?}", kinds(t));
        assert!(has(t, Kind::AggregateSharing));
    }

    #[test]
    fn rights_text_admits_nothing() {
        let t = "Request that a business that sells a consumer's personal data, not sell the consumer's personal data.";
        assert!(
            kinds(t).iter().all(|(k, _)| *k == Kind::RightsText),
            "{:?}",
            kinds(t)
        );
        let t = "California residents have the right to opt out of the sale of their personal information.";
        assert!(!has(t, Kind::SaleAdmission));
    }

    #[test]
    fn own_ads_are_not_marketing_disclosures() {
        let t =
            "We share information with advertising partners to show you our ads on other websites.";
        assert!(has(t, Kind::OwnAds), "{:?}", kinds(t));
        assert!(!has(t, Kind::MarketingDisclosure));
    }

    #[test]
    fn a_list_item_read_with_its_lead_in() {
        let t = "We may share your information with:\n* our shipping partners\n* other companies whose products may interest you.";
        let doc = Document::new(t, &[]);
        let st = read(&doc, &index(&doc));
        assert!(
            st.iter()
                .any(|s| s.kind == Kind::MarketingDisclosure && s.lead_in == Some(0)),
            "{st:?}"
        );
        let t = "Information We Share With Third Parties:\nNONE";
        assert!(has(t, Kind::GeneralDenial), "{:?}", kinds(t));
    }

    #[test]
    fn denials_in_many_words() {
        for t in [
            "We do not resell personal information and do not pass on personal information to others.",
            "We pledge NEVER to sell, loan, or rent your email address, or any other information about you.",
            "Cotton Babies will not sell, lease or rent its e-mail subscriber lists to third parties.",
            "Unless otherwise disclosed during collection, we do not provide any personally identifying information, regardless of its source, to any third party for any purpose whatsoever.",
        ] {
            assert!(has(t, Kind::GeneralDenial), "{t}: {:?}", kinds(t));
            assert!(!has(t, Kind::MarketingDisclosure) && !has(t, Kind::SaleAdmission), "{t}: {:?}", kinds(t));
        }
    }

    #[test]
    fn what_an_opt_out_stops_is_neither_admission_nor_denial() {
        let t = "If you opt out, we will no longer collect or sell your personal information.";
        assert!(kinds(t).is_empty(), "{:?}", kinds(t));
    }

    #[test]
    fn an_item_with_its_own_verb_is_read_alone() {
        let t = "Personal information is not disclosed to other parties, except as follows:\nWe may share your personal information with outside parties who sponsor sweepstakes.";
        assert!(!has(t, Kind::GeneralDenial), "{:?}", kinds(t));
    }

    #[test]
    fn a_request_is_no_practice() {
        let t = "We have been asked many times to rent our mailing list. We will never do that.";
        assert!(!has(t, Kind::SaleAdmission), "{:?}", kinds(t));
    }

    #[test]
    fn goods_sold_beside_information_provided() {
        assert!(kinds(
            "We produce and sell dog training videos and provide dog training information."
        )
        .is_empty());
        let t = "If we are acquired or merge with another company, we may transfer or sell your personal information to the new owner.";
        assert!(!has(t, Kind::SaleAdmission), "{:?}", kinds(t));
    }

    #[test]
    fn a_channel_denial_is_limited() {
        let t = "We do not sell phone numbers collected through the SMS program.";
        assert!(has(t, Kind::LimitedDenial), "{:?}", kinds(t));
        assert!(!has(t, Kind::GeneralDenial));
    }

    #[test]
    fn disclosures_for_others_marketing() {
        for t in [
            "We may occasionally make your details available to other reputable marketers who believe they too are promoting products that are of interest to you.",
            "These companies may use the information we share to provide special offers and opportunities to you.",
            "We may share your contact details with partners so that they can send you offers of their own.",
        ] {
            assert!(
                kinds(t).contains(&(Kind::MarketingDisclosure, Strength::Strong)),
                "{t}: {:?}",
                kinds(t)
            );
        }
        let vague = "We may share your information with our business partners to offer you certain products.";
        assert!(
            kinds(vague).contains(&(Kind::MarketingDisclosure, Strength::Weak)),
            "{:?}",
            kinds(vague)
        );
    }

    #[test]
    fn goods_and_businesses_for_sale_are_no_data_sale() {
        assert!(kinds("We sell our products to customers worldwide.").is_empty());
        let t =
            "If we sell our business, your personal information may be transferred to the buyer.";
        assert!(!has(t, Kind::SaleAdmission), "{:?}", kinds(t));
    }

    #[test]
    fn readings_agree_with_their_actor() {
        let doc = Document::new(
            "These companies may use the information we share to provide special offers to you.",
            &[],
        );
        let st = read(&doc, &index(&doc));
        assert!(
            st.iter()
                .any(|s| s.reading().contains("third parties use personal data")),
            "{st:?}"
        );
        let doc = Document::new(
            "We do not share your personal information with third parties.",
            &[],
        );
        let st = read(&doc, &index(&doc));
        assert_eq!(
            st[0].reading(),
            "denial: the site does not share personal data with third parties"
        );
    }

    #[test]
    fn readings_say_the_statement() {
        let doc = Document::new("We may sell your email address to other companies.", &[]);
        let st = read(&doc, &index(&doc));
        assert_eq!(
            st[0].reading(),
            "sale: the site sells contact details to third parties (may)"
        );
    }
}
