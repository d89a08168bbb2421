//! What would the reader's automata weigh if they were built ahead of time and shipped in the
//! wasm (issue 9, item 1)? Builds, for every regex the crate's patterns compile to, the forward
//! and reverse DFAs a `regex_automata::dfa::regex::Regex` searches with (ASCII mode, as
//! `src/pattern.rs` compiles them), minimized, and prints their serialized sizes, dense and
//! sparse, raw and gzipped, with the largest ones.
//!
//! ```text
//! cargo run --release --manifest-path tools/aot-dfa/Cargo.toml
//! ```
//! Takes about two minutes with the build (minimizing the largest DFAs is most of the run).

use regex_automata::{
    dfa::{dense, regex::Regex},
    nfa::thompson,
    util::syntax,
};
use std::process::Command;

/// `gzip -9`'s output size for `bytes`.
fn gzipped(bytes: &[u8]) -> usize {
    let path = std::env::temp_dir().join(format!("aot-dfa-{}.bin", std::process::id()));
    std::fs::write(&path, bytes).expect("temp file written");
    let out = Command::new("gzip")
        .arg("-9c")
        .arg(&path)
        .output()
        .expect("gzip runs");
    std::fs::remove_file(&path).expect("temp file removed");
    out.stdout.len()
}

fn main() {
    let sources = policylens::compiled_sources();
    let (mut dense_all, mut sparse_all) = (Vec::new(), Vec::new());
    let mut rows = Vec::new();
    for p in &sources {
        let re = Regex::builder()
            .syntax(syntax::Config::new().unicode(false).utf8(false))
            .thompson(thompson::Config::new().utf8(false))
            .dense(dense::Config::new().minimize(true))
            .build(p)
            .expect("the crate's patterns build");
        let mut d = re.forward().to_bytes_little_endian().0;
        d.extend(re.reverse().to_bytes_little_endian().0);
        let mut s = re
            .forward()
            .to_sparse()
            .expect("sparse")
            .to_bytes_little_endian();
        s.extend(
            re.reverse()
                .to_sparse()
                .expect("sparse")
                .to_bytes_little_endian(),
        );
        rows.push((
            d.len(),
            s.len(),
            p.chars().take(70).collect::<String>().replace('\n', " "),
        ));
        dense_all.extend(d);
        sparse_all.extend(s);
    }
    rows.sort_by(|a, b| b.cmp(a));
    println!(
        "{} regexes; largest first (dense bytes, sparse bytes, source):",
        sources.len()
    );
    for (d, s, p) in rows.iter().take(10) {
        println!("{d:>10} {s:>10}  {p}");
    }
    let kb = |n: usize| n as f64 / 1000.0;
    println!(
        "all: dense {:.0} KB ({:.0} KB gzipped), sparse {:.0} KB ({:.0} KB gzipped)",
        kb(dense_all.len()),
        kb(gzipped(&dense_all)),
        kb(sparse_all.len()),
        kb(gzipped(&sparse_all))
    );
}
