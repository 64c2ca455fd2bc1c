//! The LSP's cost per keystroke: after a change the server rebuilds the `Source` from the full
//! text and lints it. This measures exactly that, on a 20-page draft (GB/T 9704: 22 lines of 28
//! characters a page), and reports the median and the 90th percentile over many runs.
//!
//! Run: `cargo bench --bench lsp_relint`. Target (issue: LSP re-lint of a 20-page draft after a
//! keystroke): median ≤ 10 ms.

use gwlint::config::Settings;
use gwlint::source::Source;
use std::time::{Duration, Instant};

fn twenty_pages() -> String {
    let seed = include_str!("../fixtures/seed/jiangmen-work-rules-2023.txt");
    let report = include_str!("../fixtures/drafts/baogao-road-maintenance.txt");
    // 20 pages × 22 lines × 28 characters ≈ 12 300 characters of text.
    let mut text = String::new();
    while text.chars().count() < 12_300 {
        text.push_str(seed);
        text.push_str(report);
    }
    text.chars().take(12_300).collect()
}

fn measure(label: &str, settings: &Settings, text: &str, runs: usize) {
    let orgs = gwlint::config::org_view(settings).expect("org view");
    // Warm up: lazily built tables (regexes, gazetteer, segmenter) are paid once per process.
    for _ in 0..5 {
        gwlint::engine::lint(&Source::from_text("draft.md", text), settings, &orgs);
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|i| {
            // Each run edits one character, as a keystroke does.
            let mut edited = text.to_string();
            edited.push(if i % 2 == 0 { '。' } else { '，' });
            let start = Instant::now();
            let source = Source::from_text("draft.md", edited);
            let diagnostics = gwlint::engine::lint(&source, settings, &orgs);
            std::hint::black_box(diagnostics);
            start.elapsed()
        })
        .collect();
    times.sort();
    let median = times[times.len() / 2];
    let p90 = times[times.len() * 9 / 10];
    println!(
        "{label:<28} {:>6} bytes  median {:>7.3} ms  p90 {:>7.3} ms  ({runs} runs)",
        text.len(),
        median.as_secs_f64() * 1e3,
        p90.as_secs_f64() * 1e3
    );
}

fn main() {
    let text = twenty_pages();
    let runs = std::env::var("RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(200);
    measure("default rules", &Settings::default(), &text, runs);
    let all = Settings::parse(
        "rule-packs = [\"national\", \"guangdong\", \"jiangmen\"]\n[rules]\nextend-select = [\"GW606\"]\n",
        None,
    )
    .expect("valid settings");
    measure("all packs and rules", &all, &text, runs);
}
