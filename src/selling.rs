//! Data selling: does the site sell personal data, or share it for third
//! parties' own marketing (which includes a CCPA "sale" or "sharing")?
//!
//! Each sentence is read for three kinds of statement:
//! - an **admission**: "we may have sold …", "… that may be considered a
//!   sale under the CCPA", "partners may use the information to provide
//!   special offers", "so that they can send you marketing";
//! - a **general denial**: "we do not sell, rent or trade your personal
//!   information" — not one limited to a channel ("phone numbers collected
//!   through the SMS program") or that excludes some data ("except the
//!   analytics data");
//! - a **Do Not Sell offer**: a "Do Not Sell My Personal Information" link or
//!   an instruction to opt out of the sale of one's data.
//!
//! An admission decides `sells`, even beside a denial ("while we do not sell
//! … in a traditional sense, we do share … that may be considered a sale").
//! Otherwise a general denial decides `does_not_sell`; otherwise a Do Not
//! Sell offer decides `sells`; otherwise it is `not_stated`.

use crate::report::{Selling, SellingVerdict};
use crate::text::{negated_before, pattern, Document, Pattern};
use crate::tracking::sentences_touched;
use std::sync::LazyLock;

/// At most this many sentences are quoted as evidence (LABELS.md: one to three).
const MAX_EVIDENCE: usize = 3;

/// "… may be considered a 'sale' under the CCPA": the site's own word that its sharing is a sale.
static CONSIDERED_SALE: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r#"\b(?:considered|deemed|constitutes?|constituted|qualif(?:y|ies) as|treated as|regarded as|defined as)\s+(?:to be\s+)?(?:an?\s+)?["“'‘]?(?:sale|sales|selling|sell|sharing)\b|\b(?:share|shares|shared|sharing)\b["”']?[^.;]{0,80}?\bfor\s+cross[- ]context\s+behaviou?ral\b"#,
    )
});

/// "we (may) (have) sold / rent / trade …": the site selling, in the active voice.
static WE_SELL: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r#"\bwe\b(?:\s+[a-z,/"“”']+){0,5}?\s+["“']?(?:sell|sold|rent|rented|trade|traded|lease|leased|sell/share|sold/shared)\b"#,
    )
});

/// "… personal information may be sold …": the passive voice.
static IS_SOLD: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:information|data|lists?)\s+(?:\w+\s+){0,3}?(?:is|are|was|were|be|been)\s+(?:\w+\s+)?(?:sold|rented|traded)\b",
    )
});

/// What a sale must be of: personal data, not the company's products or assets.
static SOLD_OBJECT: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:personal|information|data|e-?mail address(?:es)?|customer lists?|mailing lists?|contact (?:details|information)|names)\b",
    )
});

/// The sale of a business, its assets or its products is no sale of data.
static BUSINESS_SALE: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:merger|acquisition|acquired|bankruptcy|reorgani[sz]ation|assets|stock|our products|products (?:or|and) services to you|for sale)\b",
    )
});

/// "Categories we have sold in the past 12 months: None."
static NOTHING_SOLD: LazyLock<Pattern> =
    LazyLock::new(|| pattern(r"\bnone\W*$|\bno (?:personal )?(?:information|data)\b"));

/// Statements of the reader's rights, questions and conditions describe, they don't admit.
static RIGHTS_TALK: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:right to|rights to|entitled to|you (?:may|can) (?:request|ask)|request that|request (?:certain )?information|if (?:we|you|personal|your|the)|whether|in the event)\b",
    )
});

/// A purpose that belongs to the third party: their own marketing, offers, ads.
static OTHERS_MARKETING: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"(?x)
        \b(?:their|its|that\ third[-\ ]part(?:y|ies)(?:['’]s)?|such\ third[-\ ]part(?:y|ies)(?:['’]s)?|the\ third[-\ ]part(?:y|ies)(?:['’]s?)?)
            \s+(?:own\s+)?(?:direct\s+|independent\s+)?(?:marketing|advertising|promotional|promotions|offers)
        | \bso\ (?:that\ )?they\ (?:can|may|might|could)\ (?:\w+\ ){0,2}?(?:send|offer|market|contact|advertise|promote)
        | \b(?:provide|send|offer|bring)(?:s|ing)?\ (?:you\ )?(?:with\ )?(?:special\ |targeted\ |promotional\ )?(?:offers|promotions)\b
        | \bwhose\ (?:products|services|offers)
        | \b(?:may|might)\ (?:be\ of\ interest|interest\ you|enjoy)\b
        | \bads\ from\ other\ advertisers | \bon\ behalf\ of\ other\ advertisers
        | \bfor\ gain\b | \bfor\ any\ purpose\b
        | \bmailings\ from\ other\ (?:\w+\ )?companies | \bcustomer\ list\ available
        ",
    )
});

/// Someone other than the site (and its own service providers).
static THIRD_PARTY: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:third[- ]part(?:y|ies)|partners?|companies|organizations|advertisers|ad companies|networks|vendors|affiliates|outside parties|sponsors|others|other businesses|group companies)\b",
    )
});

/// Handing data over.
static SHARE_VERB: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:share|shares|shared|sharing|disclose|discloses|disclosed|disclosing|provide|provides|provided|providing|transfer|transfers|transferred|give|make|makes|made|sell|rent|trade|exchange|furnish|release|use|uses|used)\b",
    )
});

/// A follow-up sentence whose subject is the parties just named: "These companies may use …".
static THOSE_PARTIES_USE: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(r"^(?:these|such|those|the|our|they)\b[^.]{0,60}\b(?:may|might|can|will|could)\s+use\b")
});

/// "we do not sell / will never share / have not sold …".
static DENIAL: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r#"(?:\bnot|\bnever|n['’]t)\s+(?:\w+\s+){0,3}?["“']?(?:sell|rent|trade|lease|share|disclose|transfer|provide|give|release|exchange|sold|rented|traded|shared)\b"#,
    )
});

/// What follows "do not sell" in the name of the opt-out link.
static DNS_LINK_NAME: LazyLock<Pattern> =
    LazyLock::new(|| pattern(r"^(?: or share| ?/ ?share)? my\b"));

/// A denial that covers personal data in general.
static DENIED_OBJECT: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:personal|information|data|details|logs|e-?mail address(?:es)?|customer lists?)\b",
    )
});

/// A sale-denial verb (as against denying some sharing).
static SALE_VERB: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:sell|rent|trade|lease|sold|rented|traded)\b|\bfor (?:their |its )?(?:own )?(?:promotional|marketing|advertising) purposes\b|\bto (?:any )?third part(?:y|ies)\b|\bwith (?:any )?(?:third part(?:y|ies)|outside parties)\b",
    )
});

/// A denial limited to one channel or excluding some data is no general denial.
static LIMITED_DENIAL: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:phone numbers?|mobile (?:information|numbers?|phone)|sms|text messag\w*|opt-in data|collected through|obtained through|gathered through|through (?:the|this|our) (?:program|service)|originator)\b|\b(?:except|other than)(?: for)? (?:the|any|our|your|such|certain|aggregated?|de-identified|anonymi[sz]ed|analytics|cookie)\b",
    )
});

/// "Do Not Sell My Personal Information", "opt out of the sale of …".
static DNS_OFFER: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(&format!(
        r"{DO_NOT_SELL_LINK}|\bopt[- ]?out,? (?:of |from )?(?:the |any )?(?:sale|sales|selling|sharing)\b|{OPT_OUT_OF_HAVING_SOLD}"
    ))
});

/// The name of the opt-out link itself: "Do Not Sell (or Share) My Personal Information".
pub(crate) const DO_NOT_SELL_LINK: &str = r"\bdo not (?:sell|share)(?: or share| ?/ ?share)? my(?: personal)? (?:info|information|data)\b";

/// "opt out of having your information sold".
pub(crate) const OPT_OUT_OF_HAVING_SOLD: &str = r"\bopt[- ]?out,? of having (?:your|their) (?:personal )?(?:information|data) (?:sold|shared)\b";

/// An instruction that goes with an offer: a link, a form, a way to ask.
static INSTRUCTION: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(
        r"\b(?:click|visit|link|submit|form|toggle|email|e-mail|call|contact|please|page|https?|footer)\b",
    )
});

/// Read the selling verdict from the document.
pub(crate) fn assess(doc: &Document) -> Selling {
    let mut admissions: Vec<usize> = Vec::new();
    let mut denials: Vec<usize> = Vec::new();
    let mut offers: Vec<usize> = Vec::new();

    // Every verdict needs one of these patterns in its sentence: find those
    // sentences (a pass over the text for each), and read only them.
    let mut candidates: Vec<usize> = [
        &CONSIDERED_SALE,
        &WE_SELL,
        &IS_SOLD,
        &OTHERS_MARKETING,
        &DENIAL,
        &DNS_OFFER,
    ]
    .iter()
    .flat_map(|re| sentences_touched(doc, re.find_iter(&doc.lower)))
    .collect();
    candidates.sort_unstable();
    candidates.dedup();
    for i in candidates {
        let s = doc.lower_sentence(i);
        if s.len() < 12 {
            continue;
        }
        let base = doc.sentences[i].span.start;
        let lower = &doc.lower;
        let not_negated_at = |pos: usize| !negated_before(lower, base, base + pos);
        let not_negated = |m: std::ops::Range<usize>| not_negated_at(m.start);
        let rights = || RIGHTS_TALK.is_match(s);

        // 1. The site's own word that it sells: "considered a sale", "we may have sold".
        let says_sale = CONSIDERED_SALE.find_iter(s).any(not_negated)
            || ((WE_SELL
                .find_iter(s)
                .any(|m| not_negated_at(last_word(s, m)))
                || IS_SOLD
                    .find_iter(s)
                    .any(|m| not_negated_at(last_word(s, m))))
                && SOLD_OBJECT.is_match(s)
                && !BUSINESS_SALE.is_match(s)
                && !NOTHING_SOLD.is_match(s)
                && !rights());

        // 2. Sharing for the third party's own marketing.
        let for_others = OTHERS_MARKETING.find_iter(s).any(not_negated)
            && THIRD_PARTY.is_match(s)
            && SHARE_VERB.find_iter(s).any(not_negated)
            && !rights();

        if says_sale || for_others {
            // "These companies may use the information we share to provide special offers":
            // the sharing itself stands in the sentence before.
            if THOSE_PARTIES_USE.is_match(s) && i > 0 {
                let prev = doc.lower_sentence(i - 1);
                if THIRD_PARTY.is_match(prev) && SHARE_VERB.is_match(prev) && !DENIAL.is_match(prev)
                {
                    admissions.push(i - 1);
                }
            }
            admissions.push(i);
            continue;
        }

        // 3. A general denial.
        // ("Do Not Sell My Personal Information" is a link's name, not a denial.)
        if let Some(m) = DENIAL
            .find_iter(s)
            .find(|m| !DNS_LINK_NAME.is_match(&s[m.end..]))
        {
            let rest = &s[m.start..];
            if DENIED_OBJECT.is_match(s) && SALE_VERB.is_match(rest) && !LIMITED_DENIAL.is_match(s)
            {
                denials.push(i);
                continue;
            }
        }

        // 4. A "Do Not Sell" offer (an opt-out of the sale, with a way to use it).
        if DNS_OFFER.find_iter(s).any(not_negated) {
            let next = (i + 1 < doc.sentences.len()).then(|| doc.lower_sentence(i + 1));
            if INSTRUCTION.is_match(s)
                || next.is_some_and(|n| INSTRUCTION.is_match(n))
                || doc.sentences[i].is_heading
            {
                offers.push(i);
            }
        }
    }

    let (verdict, chosen) = if !admissions.is_empty() {
        (SellingVerdict::Sells, admissions)
    } else if !denials.is_empty() {
        (SellingVerdict::DoesNotSell, denials)
    } else if !offers.is_empty() {
        (SellingVerdict::Sells, offers)
    } else {
        (SellingVerdict::NotStated, Vec::new())
    };
    let evidence = doc.quotes(chosen, MAX_EVIDENCE);
    Selling { verdict, evidence }
}

/// Where the last word of a match (its verb) starts, so negation is read just before it.
fn last_word(s: &str, m: std::ops::Range<usize>) -> usize {
    let start = m.start;
    start
        + s[m]
            .char_indices()
            .rfind(|&(_, c)| c.is_whitespace())
            .map_or(0, |(p, c)| p + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(text: &str) -> SellingVerdict {
        let doc = Document::new(text, &[]);
        assess(&doc).verdict
    }

    #[test]
    fn a_traditional_sense_denial_with_a_ccpa_sale_is_selling() {
        assert_eq!(
            verdict("WHILE WE DO NOT SELL PERSONAL INFORMATION IN A TRADITIONAL SENSE, WE DO SHARE SOME PERSONAL INFORMATION WITH THIRD PARTIES THAT MAY BE CONSIDERED A “SALE” UNDER THE CCPA."),
            SellingVerdict::Sells
        );
    }

    #[test]
    fn partners_offers_across_two_sentences_is_selling() {
        let text = "We may also share information with vendors, business partners and other organizations. These companies and organizations may use the information we share to provide special offers and opportunities to you.";
        let doc = Document::new(text, &[]);
        let selling = assess(&doc);
        assert_eq!(selling.verdict, SellingVerdict::Sells);
        assert_eq!(selling.evidence.len(), 2);
    }

    #[test]
    fn general_denials() {
        assert_eq!(verdict("We do not sell, trade, or otherwise transfer to outside parties your personally identifiable information."), SellingVerdict::DoesNotSell);
        assert_eq!(verdict("We will never share your user information with third parties for promotional purposes."), SellingVerdict::DoesNotSell);
        assert_eq!(verdict("We do not sell, trade, rent or disclose your Data to third parties, except as provided herein:"), SellingVerdict::DoesNotSell);
    }

    #[test]
    fn common_template_wordings() {
        for denial in [
            "We will not sell, distribute or lease your personal information to third parties unless we have your permission.",
            "We don’t sell your personal information.",
            "Your personal information will never be sold to anyone.",
            "We have not sold any personal information in the preceding 12 months.",
            "We do not “sell” or “share” your personal information for cross-context behavioral advertising.",
        ] {
            assert_eq!(verdict(denial), SellingVerdict::DoesNotSell, "{denial}");
        }
        assert_eq!(
            verdict("Categories of personal information we have sold in the past 12 months: none."),
            SellingVerdict::NotStated
        );
        assert_eq!(
            verdict("We never rent your data."),
            SellingVerdict::DoesNotSell
        );
        for sale in [
            "We may sell your information to third parties.",
            "In the past 12 months we have “sold” or “shared” the following categories of personal information.",
            "We share identifiers with advertising partners for cross-context behavioral advertising.",
            "In some cases, the personal information we share may be considered a “sale” or “sharing” under applicable law.",
            "We may share your contact details with partners so that they can send you offers of their own.",
        ] {
            assert_eq!(verdict(sale), SellingVerdict::Sells, "{sale}");
        }
        // Own ads and service providers are no sale.
        assert_eq!(
            verdict("We use your personal information to provide you with targeted advertisements we believe may be of interest to you."),
            SellingVerdict::NotStated
        );
    }

    #[test]
    fn limited_denials_are_not_general() {
        assert_eq!(
            verdict("We do not sell phone numbers collected through the program to third parties."),
            SellingVerdict::NotStated
        );
        assert_eq!(verdict("We do not sell your personal information, except the analytics data described above."), SellingVerdict::NotStated);
    }

    #[test]
    fn service_providers_are_not_selling() {
        assert_eq!(
            verdict("We share information with service providers that ship orders. They are not permitted to use it for their own marketing purposes."),
            SellingVerdict::NotStated
        );
    }

    #[test]
    fn rights_descriptions_and_business_sales_admit_nothing() {
        assert_eq!(verdict("California residents can request certain information regarding our disclosure of personal information to third parties for their direct marketing purposes."), SellingVerdict::NotStated);
        assert_eq!(verdict("If we sell all or part of our business assets, your personal information may be transferred."), SellingVerdict::NotStated);
    }

    #[test]
    fn a_do_not_sell_link_without_a_denial_is_selling() {
        assert_eq!(
            verdict("To opt out of the sale of your personal information, click the Do Not Sell My Personal Information link in the footer."),
            SellingVerdict::Sells
        );
        assert_eq!(
            verdict("We do not sell your personal information. You may still use the Do Not Sell My Personal Information link."),
            SellingVerdict::DoesNotSell
        );
    }
}
