//! The readable summary the CLI prints: verdicts first, each with its quote
//! and what policylens read in it, then the ways to opt out.

use policylens::{DoNotTrack, Quote, Report, SellingVerdict};
use std::fmt::Write;

/// Quotes longer than this are shortened in the summary (the JSON keeps them whole).
const QUOTE_CHARS: usize = 240;

pub fn render(name: &str, r: &Report) -> String {
    let mut s = String::new();
    // Writing to a String cannot fail.
    let _ = write_report(&mut s, name, r);
    s
}

fn write_report(s: &mut String, name: &str, r: &Report) -> std::fmt::Result {
    let d = &r.document;
    if !d.is_policy {
        writeln!(
            s,
            "{name}: not a privacy policy — {} (likelihood {:.2})",
            d.reason, d.policy_likelihood
        )?;
        return Ok(());
    }
    writeln!(
        s,
        "{name}: privacy policy (likelihood {:.2}, {} bytes{})",
        d.policy_likelihood,
        d.bytes_read,
        if d.truncated { ", truncated" } else { "" }
    )?;

    writeln!(
        s,
        "\nData selling: {}",
        match r.selling.verdict {
            SellingVerdict::Sells => "SELLS or shares your data for others' marketing",
            SellingVerdict::DoesNotSell => "does not sell your data",
            SellingVerdict::NotStated => "not stated",
        }
    )?;
    quotes(s, &r.selling.evidence)?;

    let t = &r.tracking;
    let flags: Vec<&str> = [
        (t.cookies, "cookies"),
        (t.web_beacons, "web beacons / pixels"),
        (t.analytics, "analytics"),
        (t.targeted_advertising, "targeted ads"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, name)| *name)
    .collect();
    writeln!(
        s,
        "\nTracking: {}",
        if flags.is_empty() {
            "none stated".to_string()
        } else {
            flags.join(", ")
        }
    )?;
    if !t.services.is_empty() {
        writeln!(s, "  services: {}", t.services.join(", "))?;
        for f in &t.evidence.services {
            quotes(s, &f.evidence[..f.evidence.len().min(1)])?;
        }
    }
    writeln!(
        s,
        "  Do Not Track: {}",
        match t.do_not_track {
            DoNotTrack::Honored => "honored",
            DoNotTrack::NotHonored => "not honored",
            DoNotTrack::NotMentioned => "not mentioned",
        }
    )?;
    quotes(s, &t.evidence.do_not_track)?;

    let o = &r.opt_out;
    writeln!(s, "\nOpt-out:")?;
    if o.urls.is_empty() && o.emails.is_empty() && o.mechanisms.is_empty() {
        writeln!(s, "  no way to opt out is stated")?;
    }
    for url in &o.urls {
        writeln!(s, "  link:   {url}")?;
    }
    for email in &o.emails {
        writeln!(s, "  e-mail: {email}")?;
    }
    for m in &o.mechanisms {
        writeln!(s, "  way:    {}", m.describe())?;
    }
    if let Some(request) = &o.request {
        writeln!(s, "\nA request (opt-out, deletion, …) must carry:")?;
        if let Some(subject) = &request.subject {
            writeln!(s, "  subject line: “{subject}”")?;
        }
        if !request.include.is_empty() {
            let items: Vec<&str> = request.include.iter().map(|i| i.describe()).collect();
            writeln!(s, "  include: {}", items.join(", "))?;
        }
        quotes(s, &request.quotes)?;
    }
    Ok(())
}

fn quotes(s: &mut String, quotes: &[Quote]) -> std::fmt::Result {
    for q in quotes {
        let text: String = q.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let short = if text.chars().count() > QUOTE_CHARS {
            format!("{}…", text.chars().take(QUOTE_CHARS).collect::<String>())
        } else {
            text
        };
        writeln!(s, "  “{short}”")?;
        // What policylens read in it, so a reader can see why (and when it is wrong).
        if !q.reading.is_empty() {
            writeln!(s, "    → {}", q.reading)?;
        }
    }
    Ok(())
}
