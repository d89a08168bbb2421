//! Data selling: does the site sell personal data, or share it for third
//! parties' own marketing (which includes a CCPA "sale" or "sharing")?
//!
//! The verdict is decided from the policy's statements (`statements.rs`) and
//! its Do Not Sell offers, by this table, which follows `LABELS.md` point by
//! point:
//!
//! | the policy has … | verdict |
//! |---|---|
//! | a strong admission: "we sell / rent …", "… may be considered a sale under the CCPA", sharing "for cross-context behavioral advertising", partners' technology that "may sell" data, a disclosure for the recipient's *own* marketing ("partners may use it to send you offers", "available to other marketers") — even waiting on consent, even beside a denial ("not in a traditional sense, but …") | `sells` |
//! | else a general denial ("we do not sell, rent or trade your personal information", "we do not share it with third parties", "shared with third parties: none") | `does_not_sell` — a weak (vague) disclosure beside it does not count |
//! | else a weak disclosure ("with our business partners to offer you certain products") | `sells` |
//! | else a Do Not Sell offer one can use today (a link, a form) | `sells` |
//! | else (only limited denials, rights text, own ads, service providers, aggregate data) | `not_stated` |
//!
//! Rights text ("California residents may request …", "a business that
//! sells …"), definitions and hypotheticals ("if we sell our business")
//! decide nothing; sharing with ad platforms for the site's own ads is
//! tracking; sharing with service providers is no sale.

use crate::report::{Quote, Selling, SellingVerdict};
use crate::statements::{discloses_to_others, is_admission, Actor, Kind, Statement, Strength};
use crate::text::{negated_before, pattern, text_pattern, Document, Pattern};
use crate::tracking::sentences_touched;
use std::sync::LazyLock;

/// At most this many sentences are quoted as evidence (LABELS.md: one to three).
const MAX_EVIDENCE: usize = 3;

/// "Do Not Sell My Personal Information", "opt out of the sale of …".
static DNS_OFFER: LazyLock<Pattern> = LazyLock::new(|| {
    text_pattern(&format!(
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

/// A sentence that starts on the parties of the sentence before ("These companies may use …").
static FOLLOW_UP: LazyLock<Pattern> = LazyLock::new(|| {
    pattern(r"^(?:these|such|those|they|the (?:companies|partners|third parties))\b")
});

/// Read the selling verdict from the document and its statements.
#[inline(never)]
pub(crate) fn assess(doc: &Document, statements: &[Statement]) -> Selling {
    let of = |pred: &dyn Fn(&Statement) -> bool| -> Vec<&Statement> {
        statements.iter().filter(|s| pred(s)).collect()
    };
    let admission = |s: &Statement| is_admission(s.kind);
    let strong = of(&|s| admission(s) && s.strength == Strength::Strong);
    let weak = of(&|s| admission(s) && s.strength == Strength::Weak);
    let denials = of(&|s| s.kind == Kind::GeneralDenial);

    let (verdict, chosen): (SellingVerdict, Vec<&Statement>) = if !strong.is_empty() {
        (SellingVerdict::Sells, strong)
    } else if !denials.is_empty() {
        (SellingVerdict::DoesNotSell, denials)
    } else if !weak.is_empty() {
        (SellingVerdict::Sells, weak)
    } else {
        let offers = do_not_sell_offers(doc);
        if offers.is_empty() {
            (SellingVerdict::NotStated, Vec::new())
        } else {
            let evidence = doc.quotes(offers, MAX_EVIDENCE);
            let evidence = evidence
                .into_iter()
                .map(|q| {
                    q.with_reading(
                        "Do Not Sell offer: the site offers an opt-out of the sale of your data",
                    )
                })
                .collect();
            return Selling {
                verdict: SellingVerdict::Sells,
                evidence,
            };
        }
    };
    let mut evidence: Vec<Quote> = Vec::new();
    for st in chosen {
        if evidence.len() == MAX_EVIDENCE {
            break;
        }
        // "These companies may use the information we share …": the sharing stands before.
        let i = st.sentence;
        if st.actor == Actor::ThirdParty && i > 0 && FOLLOW_UP.is_match(doc.lower_sentence(i)) {
            let prev = i - 1;
            if discloses_to_others(doc.lower_sentence(prev))
                && !evidence
                    .iter()
                    .any(|q| q.start == doc.sentences[prev].span.start)
            {
                evidence.push(doc.quote(prev));
            }
        }
        let reading = st.reading();
        for j in st.lead_in.into_iter().chain(std::iter::once(i)) {
            let q = doc.quote(j);
            if evidence.len() < MAX_EVIDENCE && !evidence.iter().any(|e| e.text == q.text) {
                evidence.push(if j == i { q.with_reading(&reading) } else { q });
            }
        }
    }
    Selling { verdict, evidence }
}

/// Sentences that offer a Do Not Sell opt-out one can use now: the link's
/// name, or an instruction to opt out of the sale, with a way to act on it.
fn do_not_sell_offers(doc: &Document) -> Vec<usize> {
    let mut offers = Vec::new();
    for i in sentences_touched(doc, DNS_OFFER.find_in(doc)) {
        let s = doc.lower_sentence(i);
        let base = doc.sentences[i].span.start;
        let offered = DNS_OFFER
            .find_in_span(doc, doc.sentences[i].span.clone())
            .any(|m| !negated_before(&doc.lower, base, base + m.start));
        let next = (i + 1 < doc.sentences.len()).then(|| doc.lower_sentence(i + 1));
        // A heading names a topic ("Your Rights (Do Not Sell My Personal
        // Information)"); the offer is the instruction that uses it.
        if offered
            && !doc.sentences[i].is_heading
            && (INSTRUCTION.is_match(s) || next.is_some_and(|n| INSTRUCTION.is_match(n)))
        {
            offers.push(i);
        }
    }
    offers
}

/// Build this module's patterns and tables now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    force![DNS_OFFER, INSTRUCTION, FOLLOW_UP];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_offer_pattern_goes_through_the_shared_scan() {
        crate::pattern::assert_scan_agrees(&[("DNS_OFFER", &DNS_OFFER)]);
    }

    fn read(text: &str) -> Selling {
        let doc = Document::new(text, &[]);
        let words = crate::statements::index(&doc);
        assess(&doc, &crate::statements::read(&doc, &words))
    }

    fn verdict(text: &str) -> SellingVerdict {
        read(text).verdict
    }

    /// A denial written as a line of its own (no full stop, or in capitals) still denies;
    /// "PII" is personal information.
    #[test]
    fn denials_on_lines_of_their_own_and_of_pii() {
        for text in [
            "Privacy Policy\nWe collect your address to ship orders.\nWe will not sell your personal information to third parties\nContact us with any questions.",
            "Privacy Policy\nWe collect your address to ship orders.\nWE DO NOT SELL YOUR PERSONAL INFORMATION.\nContact us with any questions.",
            "The shop does not rent, sell or otherwise disclose your PII to third parties.",
        ] {
            assert_eq!(verdict(text), SellingVerdict::DoesNotSell, "{text}");
        }
        // A heading that names a topic says nothing.
        assert_eq!(
            verdict("Privacy Policy\nSelling Your Personal Information\nWe collect your address to ship orders."),
            SellingVerdict::NotStated
        );
    }

    /// Denials said as an idiom or across time.
    #[test]
    fn denials_in_the_business_of_and_in_the_future() {
        for text in [
            "Customer information matters to us, and we are not in the business of selling it to others.",
            "We are not in the business of selling your personal information.",
            "The shop does not now, nor will it in the future, sell or rent its customer lists to any third parties.",
            "We will not, now or in the future, sell your personal information.",
        ] {
            assert_eq!(verdict(text), SellingVerdict::DoesNotSell, "{text}");
        }
        // A sale that may come in the future is no denial, and no admission either.
        assert_eq!(
            verdict("We may in the future sell your personal information to our partners."),
            SellingVerdict::NotStated
        );
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
        let selling = read(text);
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
        // "Sold: none" is a denial, as "shared with third parties: none" is.
        assert_eq!(
            verdict("Categories of personal information we have sold in the past 12 months: none."),
            SellingVerdict::DoesNotSell
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
