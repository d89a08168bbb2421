//! The wasm boundary: the only file that touches wasm-bindgen, js-sys,
//! web-sys and serde-wasm-bindgen. A page comes in as a plain JS object, the
//! report goes out as one; bad input becomes a thrown JS `Error`, never a panic.

use crate::{Link, Page};
use serde::Deserialize;
use std::sync::Once;
use wasm_bindgen::prelude::*;

static PANIC_HOOK: Once = Once::new();

fn init() {
    PANIC_HOOK.call_once(console_error_panic_hook::set_once);
}

/// The page as JS sends it: `{ text, links?: [{ href, text }], url?, title? }`.
#[derive(Deserialize)]
struct JsPage {
    text: String,
    #[serde(default)]
    links: Vec<JsLink>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

#[derive(Deserialize)]
struct JsLink {
    href: String,
    #[serde(default)]
    text: String,
}

fn to_js(report: &crate::Report) -> Result<JsValue, JsValue> {
    // Plain objects (not Maps), so the popup can read `report.selling.verdict`.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(report, &serializer).map_err(|e| js_error(&e.to_string()))
}

fn js_error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// Analyze a page: `{ text, links?, url?, title? }` in, the report out.
/// Throws an `Error` with a readable message on bad input.
#[wasm_bindgen(js_name = analyzePage)]
pub fn analyze_page(page: JsValue) -> Result<JsValue, JsValue> {
    init();
    let page: JsPage = serde_wasm_bindgen::from_value(page).map_err(|e| {
        js_error(&format!(
            "policylens: expected {{ text, links?, url?, title? }}: {e}"
        ))
    })?;
    let page = Page {
        text: page.text,
        links: page
            .links
            .into_iter()
            .map(|l| Link {
                href: l.href,
                text: l.text,
            })
            .collect(),
        url: page.url,
        title: page.title,
    };
    let report = crate::analyze_page(&page).map_err(|e| js_error(&format!("policylens: {e}")))?;
    to_js(&report)
}

/// Analyze plain text (the common case). Throws an `Error` on bad input.
///
/// Takes a `JsString`, not a `&str`, so that a caller passing no string gets a clear error:
/// wasm-bindgen's `&str` glue reads whatever it is given as a string (a number ended in
/// "memory access out of bounds", `null` in a `TypeError` from inside the glue).
#[wasm_bindgen(js_name = analyzeText)]
pub fn analyze_text(text: &js_sys::JsString) -> Result<JsValue, JsValue> {
    init();
    let text = text
        .as_string()
        .ok_or_else(|| js_error("policylens: expected the text as a string"))?;
    let report = crate::analyze(&text).map_err(|e| js_error(&format!("policylens: {e}")))?;
    to_js(&report)
}

/// Make the reader ready now, so that the next analysis does not pay for it
/// (see the crate's `prepare`). Safe to call at any time, and cheap once done.
#[wasm_bindgen]
pub fn prepare() {
    init();
    crate::prepare();
}

/// Read the built-in sample policy again, `repeats` times over in one text
/// (see the crate's `warm_up`), for a caller that waits for a policy: a few
/// readings, one per task. The report is made into a JavaScript object too, as
/// an analysis's is, and dropped.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up(repeats: u32) {
    init();
    if let Some(report) = crate::warm_up(repeats as usize) {
        let _ = to_js(&report);
    }
}

/// The crate version and report schema version, e.g. "0.1.0 (schema 1)".
#[wasm_bindgen]
pub fn version() -> String {
    format!(
        "{} (schema {})",
        env!("CARGO_PKG_VERSION"),
        crate::SCHEMA_VERSION
    )
}

/// Log a line to the console (used by the timing page; no window needed).
#[wasm_bindgen(js_name = logLine)]
pub fn log_line(line: &str) {
    web_sys::console::log_1(&JsValue::from_str(line));
}
