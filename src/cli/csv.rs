//! `--csv FILE`: one row per input with the fields of `LABELS.md`, named as
//! the labels and the scorer name them (`selling.verdict`, `tracking.cookies`,
//! …), lists joined with `;`, quoted as RFC 4180 says.

use super::corpus::Row;
use std::io::Write;

/// The header, in column order.
pub const COLUMNS: &[&str] = &[
    "file",
    "error",
    "is_policy",
    "document.reason",
    "selling.verdict",
    "tracking.cookies",
    "tracking.web_beacons",
    "tracking.analytics",
    "tracking.targeted_advertising",
    "tracking.services",
    "tracking.do_not_track",
    "opt_out.urls",
    "opt_out.emails",
    "opt_out.mechanisms",
    "opt_out.request.subject",
    "opt_out.request.include",
];

/// What joins the entries of a list field.
const LIST_SEPARATOR: &str = ";";

/// Write the header and one line per row.
pub fn write(out: &mut impl Write, rows: &[Row]) -> std::io::Result<()> {
    line(out, COLUMNS.iter().map(|c| c.to_string()))?;
    for row in rows {
        let fields: Vec<String> = match &row.result {
            Err(e) => {
                let mut f = vec![row.input.clone(), e.clone()];
                f.resize(COLUMNS.len(), String::new());
                f
            }
            Ok(f) => vec![
                row.input.clone(),
                String::new(),
                f.is_policy.to_string(),
                f.reason.clone(),
                f.verdict.name().to_string(),
                f.cookies.to_string(),
                f.web_beacons.to_string(),
                f.analytics.to_string(),
                f.targeted_advertising.to_string(),
                f.services.join(LIST_SEPARATOR),
                f.do_not_track.name().to_string(),
                f.urls.join(LIST_SEPARATOR),
                f.emails.join(LIST_SEPARATOR),
                f.mechanisms.join(LIST_SEPARATOR),
                f.subject.clone().unwrap_or_default(),
                f.include
                    .iter()
                    .map(|i| i.name())
                    .collect::<Vec<_>>()
                    .join(LIST_SEPARATOR),
            ],
        };
        line(out, fields.into_iter())?;
    }
    out.flush()
}

fn line(out: &mut impl Write, fields: impl Iterator<Item = String>) -> std::io::Result<()> {
    let quoted: Vec<String> = fields.map(|f| quote(&f)).collect();
    writeln!(out, "{}", quoted.join(","))
}

/// A field as CSV writes it: in double quotes, inner quotes doubled, when it
/// holds a comma, a quote, a line break or surrounding space; else as is.
pub fn quote(field: &str) -> String {
    let needs = field.contains([',', '"', '\n', '\r'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if needs {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote(""), "");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
        assert_eq!(quote("cr\rlf"), "\"cr\rlf\"");
        assert_eq!(quote(" padded "), "\" padded \"");
        assert_eq!(quote("a;b"), "a;b");
    }
}
