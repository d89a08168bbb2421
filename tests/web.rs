//! The exported wasm API in a real headless browser (`wasm-pack test
//! --headless --chrome` / `--firefox`): the two example shops come out as
//! labelled, and bad input is a thrown error, not a panic.
#![cfg(target_arch = "wasm32")]

use policylens::{analyze, SellingVerdict};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CALIJEWELZ: &str = include_str!("fixtures/calijewelz.com.txt");
const CRYPJAMA: &str = include_str!("fixtures/crypjama.com.txt");

#[wasm_bindgen_test]
fn the_example_shops_in_the_browser() {
    let cali = analyze(CALIJEWELZ).unwrap();
    assert_eq!(cali.selling.verdict, SellingVerdict::Sells);
    assert_eq!(cali.opt_out.emails, ["CaliJewelz@gmail.com"]);
    assert_eq!(cali.opt_out.urls, ["http://www.aboutads.info"]);

    let cryp = analyze(CRYPJAMA).unwrap();
    assert_eq!(cryp.selling.verdict, SellingVerdict::Sells);
    assert_eq!(
        cryp.tracking.services,
        ["Google Analytics", "Shopify Analytics"]
    );
    assert_eq!(
        cryp.tracking.do_not_track,
        policylens::DoNotTrack::NotHonored
    );
    assert!(cryp.opt_out.urls.iter().any(|u| u.contains("gaoptout")));
}

#[wasm_bindgen_test]
fn the_exported_functions_return_js_objects_and_throw_on_bad_input() {
    use wasm_bindgen::{JsCast, JsValue};
    let report = policylens::wasm_api::analyze_text(&CRYPJAMA.into()).unwrap();
    let selling = js_sys::Reflect::get(&report, &JsValue::from_str("selling")).unwrap();
    let verdict = js_sys::Reflect::get(&selling, &JsValue::from_str("verdict")).unwrap();
    assert_eq!(verdict.as_string().as_deref(), Some("sells"));

    let page = js_sys::JSON::parse(r#"{"text": "", "links": []}"#).unwrap();
    let err = policylens::wasm_api::analyze_page(page).unwrap_err();
    let message = js_sys::Reflect::get(&err, &JsValue::from_str("message")).unwrap();
    assert_eq!(
        message.as_string().as_deref(),
        Some("policylens: the page has no text to read")
    );

    let not_a_page = JsValue::from_f64(42.0);
    assert!(policylens::wasm_api::analyze_page(not_a_page).is_err());

    // No string at all: the same clear error whatever was passed (the JS glue hands it over
    // unchecked), not an out-of-bounds read or a TypeError from inside the glue.
    for not_text in [JsValue::from_f64(42.0), JsValue::NULL, JsValue::UNDEFINED] {
        let err = policylens::wasm_api::analyze_text(not_text.unchecked_ref()).unwrap_err();
        let message = js_sys::Reflect::get(&err, &JsValue::from_str("message")).unwrap();
        assert_eq!(
            message.as_string().as_deref(),
            Some("policylens: expected the text as a string")
        );
    }
}

#[wasm_bindgen_test]
fn prepare_and_warm_up_make_the_reader_ready_and_change_no_report() {
    let before = policylens::wasm_api::analyze_text(&CRYPJAMA.into()).unwrap();
    policylens::wasm_api::prepare();
    policylens::wasm_api::prepare();
    policylens::wasm_api::warm_up(12);
    let after = policylens::wasm_api::analyze_text(&CRYPJAMA.into()).unwrap();
    let json = |v: &wasm_bindgen::JsValue| js_sys::JSON::stringify(v).unwrap().as_string().unwrap();
    assert_eq!(json(&after), json(&before));
}
