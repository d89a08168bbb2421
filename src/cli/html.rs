//! HTML input for the CLI: the visible text (laid out in lines as a browser's
//! `innerText` would) and the links, through a real HTML parser. Scripts,
//! styles and templates are never read as text.

use policylens::{Link, Page};
use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose content is never visible text.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas",
];

/// Elements that start a new line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "main",
    "aside",
    "blockquote",
    "pre",
    "dt",
    "dd",
    "dl",
    "address",
    "hr",
    "form",
    "fieldset",
    "figure",
    "figcaption",
    "summary",
    "details",
];

/// Parse `html` into a page: text, links (http(s) and mailto only), title and canonical URL.
pub fn page_from_html(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let mut text = String::new();
    walk(doc.root_element(), &mut text);
    let text = tidy(&text);

    let links = select(&doc, "a[href]")
        .filter_map(|a| {
            let href = a.value().attr("href")?.trim().to_string();
            let lower = href.to_ascii_lowercase();
            let usable = lower.starts_with("http://")
                || lower.starts_with("https://")
                || lower.starts_with("mailto:");
            usable.then(|| Link {
                href,
                text: a
                    .text()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            })
        })
        .collect();
    let title = select(&doc, "title")
        .next()
        .map(|t| t.text().collect::<String>().trim().to_string())
        .filter(|t| !t.is_empty());
    let url = select(&doc, r#"link[rel="canonical"]"#)
        .next()
        .and_then(|l| l.value().attr("href"))
        .map(str::to_string);
    Page {
        text,
        links,
        url,
        title,
    }
}

fn select<'a>(doc: &'a Html, css: &str) -> impl Iterator<Item = ElementRef<'a>> + 'a {
    // The selectors are literals of this file; a bad one would select nothing.
    let selector = Selector::parse(css).ok();
    selector
        .into_iter()
        .flat_map(move |s| doc.select(&s).collect::<Vec<_>>())
}

fn walk(element: ElementRef, out: &mut String) {
    for child in element.children() {
        match child.value() {
            // White space inside text is layout, not line breaks (as in innerText).
            Node::Text(t) => out.extend(t.chars().map(|c| if c.is_whitespace() { ' ' } else { c })),
            Node::Element(e) => {
                let name = e.name();
                if HIDDEN.contains(&name)
                    || e.attr("hidden").is_some()
                    || e.attr("aria-hidden") == Some("true")
                {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    out.push('\n');
                }
                if let Some(child) = ElementRef::wrap(child) {
                    walk(child, out);
                }
                if block {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

/// Collapse runs of white space inside lines and drop empty lines.
fn tidy(text: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_and_links_only() {
        let page = page_from_html(
            r#"<html><head><title> Privacy </title><script>var x = "We sell data";</script></head>
            <body><h1>Privacy Policy</h1><p>We use <b>cookies</b>.</p><p>Opt out at
            <a href="https://optout.aboutads.info/">the DAA</a>, <a href="javascript:alert(1)">here</a>,
            <a href="/relative">there</a> or <a href="mailto:privacy@shop.example">e-mail</a>.</p>
            <template>hidden</template><div hidden>also hidden</div></body></html>"#,
        );
        assert_eq!(page.title.as_deref(), Some("Privacy"));
        assert!(page
            .text
            .starts_with("Privacy Policy\nWe use cookies.\nOpt out at the DAA"));
        assert!(!page.text.contains("We sell data"));
        assert!(!page.text.contains("hidden"));
        let hrefs: Vec<&str> = page.links.iter().map(|l| l.href.as_str()).collect();
        assert_eq!(
            hrefs,
            [
                "https://optout.aboutads.info/",
                "mailto:privacy@shop.example"
            ]
        );
    }
}
