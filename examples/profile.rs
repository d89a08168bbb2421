//! A fixed workload for instruction-count profiling (steadier than wall time on a busy machine):
//!
//! ```text
//! cargo build --profile profiling --example profile
//! valgrind --tool=callgrind target/profiling/examples/profile [PASSES]
//! ```
//! Analyzes every fixture policy PASSES times (default 4) and prints the bytes read. With a
//! second argument `prepare`, calls `policylens::prepare()` first (what the extension does
//! while a policy is being fetched): `profile 0 prepare` is the cost of that alone.

fn main() {
    let passes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(4);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut texts: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    let texts: Vec<String> = texts
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    if std::env::args().nth(2).as_deref() == Some("prepare") {
        policylens::prepare();
    }
    let mut bytes = 0;
    for _ in 0..passes {
        for text in &texts {
            let report = policylens::analyze(std::hint::black_box(text)).unwrap();
            bytes += report.document.bytes_read;
        }
    }
    println!("{} pages x {passes}: {bytes} bytes", texts.len());
}
