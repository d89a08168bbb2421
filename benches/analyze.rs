//! Criterion benchmark: the analysis over the fixture policies (MB/s), and the largest alone.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn fixtures() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
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
    group.bench_function(format!("largest ({name})"), |b| b.iter(|| black_box(policylens::analyze(black_box(largest)).unwrap())));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
