//! The report: plain, serializable data that the popup, the web page and the
//! CLI all show. Field names and meanings follow `LABELS.md` of the corpus;
//! beside every answer stand the sentences that decided it.

use serde::Serialize;

/// Bumped whenever a field changes meaning or shape.
///
/// 2: quotes carry a `reading` (the statement in plain words) and the report
/// lists the policy's `statements`.
pub const SCHEMA_VERSION: u32 = 2;

/// What policylens read in one page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The version of this shape ([`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// What the page is, and how much of it was read.
    pub document: DocumentInfo,
    /// Does the site sell or share personal data for others' marketing?
    pub selling: Selling,
    /// How the site (and third parties on it) follow the reader.
    pub tracking: Tracking,
    /// How the reader can say no.
    pub opt_out: OptOut,
    /// What the policy says about selling and sharing personal data, statement
    /// by statement (see `statements.rs`), in the order of the text.
    pub statements: Vec<StatementReport>,
}

/// What the analysed page is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentInfo {
    /// Whether the text reads as a privacy policy; when false, no answer is guessed.
    pub is_policy: bool,
    /// How much the text reads like a privacy policy, from 0 to 1.
    pub policy_likelihood: f32,
    /// Why the text is not taken for a policy (empty when it is).
    pub reason: String,
    /// The same reason as a code, for a user interface to say in its own language
    /// (absent when the text is a policy).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_code: Option<ReasonCode>,
    /// The page's URL, when known.
    pub url: Option<String>,
    /// The page's title, when known.
    pub title: Option<String>,
    /// Bytes of text analysed.
    pub bytes_read: usize,
    /// Whether the text was longer than [`crate::MAX_TEXT_BYTES`] and cut.
    pub truncated: bool,
}

/// Why a text is not taken for a privacy policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonCode {
    /// Fewer words than any policy has.
    TooLittleText,
    /// Not English prose.
    NotEnglish,
    /// A terms page that points to a separate privacy policy.
    TermsPage,
    /// Text that does not speak of personal data as a policy does.
    NotAboutPrivacy,
}

/// A sentence of the input, quoted exactly, with its byte offsets in the input text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The sentence, exactly as in the input.
    pub text: String,
    /// Byte offset of its first byte in the input text.
    pub start: usize,
    /// Byte offset just past its last byte.
    pub end: usize,
    /// What the sentence says, in plain words, as policylens read it
    /// ("denial: the site does not sell personal data"); empty when the quote
    /// speaks for itself (and then left out of the JSON).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reading: String,
}

impl Quote {
    /// This quote with its reading.
    pub fn with_reading(mut self, reading: &str) -> Quote {
        self.reading = reading.to_string();
        self
    }
}

/// One statement of the policy about personal data: who does what with which
/// data, for whom and why, affirmed or denied, and how it is said.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementReport {
    /// The sentence it is read from (a list item's own line).
    pub quote: Quote,
    /// For a list item, the sentence that leads into the list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_in: Option<Quote>,
    pub actor: crate::statements::Actor,
    pub act: crate::statements::Act,
    pub data: crate::statements::Data,
    pub recipient: crate::statements::Recipient,
    pub purpose: crate::statements::Purpose,
    pub polarity: crate::statements::Polarity,
    pub modality: crate::statements::Modality,
    /// What it means for the selling question.
    pub kind: crate::statements::Kind,
    pub strength: crate::statements::Strength,
}

/// One item found (a service, a URL, an e-mail, a mechanism) and the sentences that show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The item, as it is listed in the report.
    pub value: String,
    /// The sentences that show it (at least one, where the text has it).
    pub evidence: Vec<Quote>,
}

/// The selling verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SellingVerdict {
    /// It sells personal data, shares it for third parties' own marketing, or
    /// says its sharing may be a "sale"/"sharing" under the CCPA/CPRA.
    Sells,
    /// It denies selling personal data in general and describes no such sharing.
    DoesNotSell,
    /// The text says neither.
    NotStated,
}

/// Data selling: the verdict and the one to three sentences that decide it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Selling {
    pub verdict: SellingVerdict,
    pub evidence: Vec<Quote>,
}

/// What the site does with Do Not Track signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DoNotTrack {
    Honored,
    NotHonored,
    NotMentioned,
}

/// Tracking: four flags, the named services, Do Not Track.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tracking {
    pub cookies: bool,
    pub web_beacons: bool,
    pub analytics: bool,
    pub targeted_advertising: bool,
    /// Third-party tracking, analytics or advertising services the site says it uses.
    pub services: Vec<String>,
    pub do_not_track: DoNotTrack,
    /// The sentences behind each answer above.
    pub evidence: TrackingEvidence,
}

/// The sentences behind each tracking answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TrackingEvidence {
    pub cookies: Vec<Quote>,
    pub web_beacons: Vec<Quote>,
    pub analytics: Vec<Quote>,
    pub targeted_advertising: Vec<Quote>,
    /// One finding per entry of `services`, in the same order.
    pub services: Vec<Finding>,
    pub do_not_track: Vec<Quote>,
}

/// How to opt out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptOut {
    /// URLs whose purpose is to let the reader opt out or control their data.
    pub urls: Vec<String>,
    /// E-mail addresses offered for privacy requests, opting out or privacy questions.
    pub emails: Vec<String>,
    /// The ways offered, from the closed vocabulary of [`Mechanism`].
    pub mechanisms: Vec<Mechanism>,
    /// The sentences behind each entry above, in the same order.
    pub evidence: OptOutEvidence,
    /// What a request must carry (subject line, items to include), when the
    /// policy says; left out of the JSON when it says nothing (`src/requests.rs`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<crate::requests::OptOutRequest>,
}

/// The sentences behind each opt-out entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OptOutEvidence {
    pub urls: Vec<Finding>,
    pub emails: Vec<Finding>,
    pub mechanisms: Vec<Finding>,
}

/// A way to say no (the closed vocabulary of `LABELS.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mechanism {
    /// Refuse or delete cookies in the browser.
    BrowserSettings,
    /// The link in marketing e-mails.
    UnsubscribeLink,
    /// Text STOP to end SMS messages.
    ReplyStop,
    /// Change preferences in the user's account.
    AccountSettings,
    /// Write, e-mail or call the company to opt out or exercise a right.
    ContactRequest,
    /// DAA, NAI, EDAA, TRUSTe or similar industry tools.
    AdIndustryOptout,
    /// An analytics provider's opt-out (e.g. the Google Analytics add-on).
    AnalyticsOptout,
    /// A "Do Not Sell / Share My Personal Information" link or page.
    DoNotSellLink,
    /// The site honors Global Privacy Control signals.
    Gpc,
    /// Mobile advertising-ID settings such as Limit Ad Tracking.
    DeviceSettings,
}

impl Mechanism {
    /// Every mechanism, in report order.
    pub const ALL: [Mechanism; 10] = [
        Mechanism::BrowserSettings,
        Mechanism::UnsubscribeLink,
        Mechanism::ReplyStop,
        Mechanism::AccountSettings,
        Mechanism::ContactRequest,
        Mechanism::AdIndustryOptout,
        Mechanism::AnalyticsOptout,
        Mechanism::DoNotSellLink,
        Mechanism::Gpc,
        Mechanism::DeviceSettings,
    ];

    /// The label's name ("browser_settings").
    pub fn name(self) -> &'static str {
        match self {
            Mechanism::BrowserSettings => "browser_settings",
            Mechanism::UnsubscribeLink => "unsubscribe_link",
            Mechanism::ReplyStop => "reply_stop",
            Mechanism::AccountSettings => "account_settings",
            Mechanism::ContactRequest => "contact_request",
            Mechanism::AdIndustryOptout => "ad_industry_optout",
            Mechanism::AnalyticsOptout => "analytics_optout",
            Mechanism::DoNotSellLink => "do_not_sell_link",
            Mechanism::Gpc => "gpc",
            Mechanism::DeviceSettings => "device_settings",
        }
    }

    /// In plain words, for people.
    pub fn describe(self) -> &'static str {
        match self {
            Mechanism::BrowserSettings => "Refuse or delete cookies in your browser settings",
            Mechanism::UnsubscribeLink => "Use the unsubscribe link in marketing e-mails",
            Mechanism::ReplyStop => "Reply STOP to text messages",
            Mechanism::AccountSettings => "Change your preferences in your account",
            Mechanism::ContactRequest => "Write, e-mail or call the company",
            Mechanism::AdIndustryOptout => "Ad-industry opt-out tools (DAA, NAI, …)",
            Mechanism::AnalyticsOptout => "An analytics opt-out (e.g. Google Analytics add-on)",
            Mechanism::DoNotSellLink => "A \"Do Not Sell or Share\" link or page",
            Mechanism::Gpc => "Global Privacy Control is honored",
            Mechanism::DeviceSettings => "Limit ad tracking in your device settings",
        }
    }
}

impl SellingVerdict {
    /// The label's name ("sells").
    pub fn name(self) -> &'static str {
        match self {
            SellingVerdict::Sells => "sells",
            SellingVerdict::DoesNotSell => "does_not_sell",
            SellingVerdict::NotStated => "not_stated",
        }
    }
}

impl DoNotTrack {
    /// The label's name ("not_honored").
    pub fn name(self) -> &'static str {
        match self {
            DoNotTrack::Honored => "honored",
            DoNotTrack::NotHonored => "not_honored",
            DoNotTrack::NotMentioned => "not_mentioned",
        }
    }
}
