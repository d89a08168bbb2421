//! Criterion benchmark: the analysis over the fixture policies (MB/s), and the largest alone.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn fixtures() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

fn bench(c: &mut Criterion) {
    let policies = fixtures();
    let total: usize = policies.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("all fixtures", |b| {
        b.iter(|| {
            for (_, text) in &policies {
                black_box(policylens::analyze(black_box(text)).unwrap());
            }
        })
    });
    let (name, largest) = policies.iter().max_by_key(|(_, t)| t.len()).unwrap();
    group.throughput(Throughput::Bytes(largest.len() as u64));
    group.bench_function(format!("largest ({name})"), |b| {
        b.iter(|| black_box(policylens::analyze(black_box(largest)).unwrap()))
    });
    group.finish();
}

/// Pages built to be slow: the caps (1 MiB of text, 2 KB sentences, 5,000
/// links) must keep each to a few tens of milliseconds.
fn pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    let policy = include_str!("../tests/fixtures/crypjama.com.txt");
    let cases: Vec<(&str, policylens::Page)> = vec![
        (
            "10 MB page (read to the 1 MiB cap)",
            policylens::Page::from_text(policy.repeat(10 * 1024 * 1024 / policy.len() + 1)),
        ),
        (
            "1 MiB single line",
            policylens::Page::from_text(
                "we do not sell your personal information to third parties for their marketing "
                    .repeat(13_000),
            ),
        ),
        (
            "20,000 URLs",
            policylens::Page::from_text(
                (0..20_000)
                    .map(|i| format!("To opt out visit https://x{i}.example/opt-out. "))
                    .collect::<String>(),
            ),
        ),
        (
            "20,000 e-mails",
            policylens::Page::from_text(
                (0..20_000)
                    .map(|i| format!("Privacy questions: privacy{i}@shop{i}.example. "))
                    .collect::<String>(),
            ),
        ),
        (
            "repeated service names",
            policylens::Page::from_text(
                "We use Google Analytics and Facebook Pixel cookies ".repeat(20_000),
            ),
        ),
        (
            "5,000 page links",
            policylens::Page {
                text: policy.to_string(),
                links: (0..5_000)
                    .map(|i| policylens::Link {
                        href: format!("https://shop.example/privacy-settings/{i}"),
                        text: format!("Manage privacy choices {i}"),
                    })
                    .collect(),
                ..Default::default()
            },
        ),
    ];
    for (name, page) in &cases {
        group.bench_function(*name, |b| {
            b.iter(|| black_box(policylens::analyze_page(black_box(page)).unwrap()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench, pathological);
criterion_main!(benches);
