//! `--summary`: the table of a corpus run: how many inputs, how many are
//! policies, the selling verdicts, each tracking flag's share, the Do Not
//! Track stances, the most common services and opt-out mechanisms, what
//! opt-out requests must carry, the pages that are not policies and the errors.

use super::corpus::{Facts, Row};
use policylens::{DoNotTrack, Mechanism, RequestItem, SellingVerdict};
use std::collections::HashMap;
use std::fmt::Write;

/// How many not-a-policy pages and errors are named, with their reasons.
const EXAMPLES: usize = 5;

/// The table for `rows`, listing the `top` most common services and mechanisms.
pub fn render(rows: &[Row], top: usize) -> String {
    let mut s = String::new();
    // Writing to a String cannot fail.
    let _ = write_table(&mut s, rows, top);
    s
}

fn write_table(s: &mut String, rows: &[Row], top: usize) -> std::fmt::Result {
    let facts: Vec<&Facts> = rows.iter().filter_map(|r| r.result.as_ref().ok()).collect();
    let errors: Vec<(&str, &str)> = rows
        .iter()
        .filter_map(|r| {
            r.result
                .as_ref()
                .err()
                .map(|e| (r.input.as_str(), e.as_str()))
        })
        .collect();
    let not_policies: Vec<(&str, &str)> = rows
        .iter()
        .filter_map(|r| match &r.result {
            Ok(f) if !f.is_policy => Some((r.input.as_str(), f.reason.as_str())),
            _ => None,
        })
        .collect();
    let policies: Vec<&Facts> = facts.iter().copied().filter(|f| f.is_policy).collect();
    let n = policies.len();

    writeln!(
        s,
        "inputs: {}   analyzed: {}   errors: {}",
        rows.len(),
        facts.len(),
        errors.len()
    )?;
    writeln!(
        s,
        "privacy policies: {n}   not a policy: {}",
        not_policies.len()
    )?;

    writeln!(s, "\nselling (of {n} policies)")?;
    for verdict in [
        SellingVerdict::Sells,
        SellingVerdict::DoesNotSell,
        SellingVerdict::NotStated,
    ] {
        let count = policies.iter().filter(|f| f.verdict == verdict).count();
        row(s, verdict.name(), count, n)?;
    }

    writeln!(s, "\ntracking (share of policies)")?;
    for (name, count) in [
        ("cookies", policies.iter().filter(|f| f.cookies).count()),
        (
            "web_beacons",
            policies.iter().filter(|f| f.web_beacons).count(),
        ),
        ("analytics", policies.iter().filter(|f| f.analytics).count()),
        (
            "targeted_advertising",
            policies.iter().filter(|f| f.targeted_advertising).count(),
        ),
    ] {
        row(s, name, count, n)?;
    }

    writeln!(s, "\ndo_not_track")?;
    for stance in [
        DoNotTrack::Honored,
        DoNotTrack::NotHonored,
        DoNotTrack::NotMentioned,
    ] {
        let count = policies.iter().filter(|f| f.do_not_track == stance).count();
        row(s, stance.name(), count, n)?;
    }

    let services = ranked(
        policies
            .iter()
            .flat_map(|f| f.services.iter().map(String::as_str)),
    );
    let naming = policies.iter().filter(|f| !f.services.is_empty()).count();
    writeln!(
        s,
        "\nservices (top {} of {} distinct; {naming} policies name one)",
        top.min(services.len()),
        services.len()
    )?;
    for (name, count) in services.iter().take(top) {
        row(s, name, *count, n)?;
    }

    // Every mechanism is counted, those no page offers too (as 0), in the order of their counts.
    let mut mechanisms: Vec<(&str, usize)> = Mechanism::ALL
        .iter()
        .map(|m| {
            let name = m.name();
            (
                name,
                policies
                    .iter()
                    .filter(|f| f.mechanisms.contains(&name))
                    .count(),
            )
        })
        .collect();
    // A stable sort: equal counts keep the report's order of mechanisms.
    mechanisms.sort_by_key(|m| std::cmp::Reverse(m.1));
    writeln!(
        s,
        "\nopt-out mechanisms (top {})",
        top.min(mechanisms.len())
    )?;
    for (name, count) in mechanisms.iter().take(top) {
        row(s, name, *count, n)?;
    }

    let subjects = policies.iter().filter(|f| f.subject.is_some()).count();
    let including = policies.iter().filter(|f| !f.include.is_empty()).count();
    writeln!(s, "\nopt-out requests")?;
    row(s, "asks for a subject line", subjects, n)?;
    row(s, "names items to include", including, n)?;
    for item in RequestItem::ALL {
        let count = policies
            .iter()
            .filter(|f| f.include.contains(&item))
            .count();
        row(s, &format!("  {}", item.name()), count, n)?;
    }
    let phrases = ranked(policies.iter().filter_map(|f| f.subject.as_deref()));
    if !phrases.is_empty() {
        writeln!(s, "  most common subjects:")?;
        for (phrase, count) in phrases.iter().take(top.min(EXAMPLES)) {
            writeln!(s, "    {count:>5}  {phrase}")?;
        }
    }

    examples(s, "not a policy", &not_policies)?;
    examples(s, "errors", &errors)?;
    Ok(())
}

/// "  name            count  share%" (the share of `of`, when there is any).
fn row(s: &mut String, name: &str, count: usize, of: usize) -> std::fmt::Result {
    let share = if of == 0 {
        0.0
    } else {
        100.0 * count as f64 / of as f64
    };
    writeln!(s, "  {name:<34} {count:>6}  {share:5.1}%")
}

/// Distinct values by how often they occur, most common first; ties by name
/// (so the table is the same whatever order the inputs came in).
fn ranked<'a>(values: impl Iterator<Item = &'a str>) -> Vec<(&'a str, usize)> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    let mut out: Vec<(&str, usize)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    out
}

/// A count and the first few inputs with their reasons.
fn examples(s: &mut String, title: &str, items: &[(&str, &str)]) -> std::fmt::Result {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(s, "\n{title}: {}", items.len())?;
    for (input, reason) in items.iter().take(EXAMPLES) {
        writeln!(s, "  {input}: {reason}")?;
    }
    if items.len() > EXAMPLES {
        writeln!(s, "  … and {} more", items.len() - EXAMPLES)?;
    }
    Ok(())
}
