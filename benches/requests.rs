//! The request recogniser on sentences it was not written against: every labelled set under
//! `benches/requests/*/sentences.tsv` (header `label kind sentence why`; label `ask` or `no`;
//! kind the 文种 the sentence is drafted in), written by independent testers who never saw the
//! recogniser. Prints, per set, precision and recall of `ask` and every misread sentence with
//! the recogniser's reason.
//!
//! Run: `cargo bench --bench requests`. Measurement only: a set a change was made from is no
//! longer independent (say so in its README); `fixtures/requests/` is the development set, held
//! by a unit test.

use gwlint::lang::request::{NotRequest, Recipient, candidates_in};
use std::path::Path;

/// Whether the sentence asks, read as the engine reads a draft of that 文种: a 报告, 请示 or
/// 议案 goes up, a 函 across, any other is read as its direction leaves its recipient unknown.
fn asks(sentence: &str, kind: &str) -> Result<(), Option<NotRequest>> {
    let recipient = match kind {
        "报告" | "请示" | "议案" => Recipient::Superior,
        "函" => Recipient::Peer,
        _ => Recipient::Unknown,
    };
    let found = candidates_in(sentence, &[], recipient);
    if found.iter().any(|c| c.verdict.is_ok()) { Ok(()) } else { Err(found.into_iter().find_map(|c| c.verdict.err())) }
}

fn score(set: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(set).map_err(|e| format!("{}: {e}", set.display()))?;
    let (mut true_ask, mut false_ask, mut missed, mut true_no) = (0, 0, 0, 0);
    let mut wrong = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1).filter(|(_, l)| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [label, kind, sentence, ..] = cols[..] else {
            return Err(format!("{}:{}: expected label, kind, sentence", set.display(), n + 1));
        };
        let got = asks(sentence, kind);
        match (label, &got) {
            ("ask", Ok(())) => true_ask += 1,
            ("ask", Err(why)) => {
                missed += 1;
                wrong.push(format!(
                    "  missed  {}: [{kind}] {sentence} → {}",
                    n + 1,
                    why.map_or("no asking word", NotRequest::zh)
                ));
            }
            ("no", Ok(())) => {
                false_ask += 1;
                wrong.push(format!("  false   {}: [{kind}] {sentence}", n + 1));
            }
            ("no", Err(_)) => true_no += 1,
            (other, _) => return Err(format!("{}:{}: label {other:?} is neither ask nor no", set.display(), n + 1)),
        }
    }
    let ratio = |a: usize, b: usize| if a + b == 0 { 0.0 } else { a as f64 / (a + b) as f64 };
    let (precision, recall) = (ratio(true_ask, false_ask), ratio(true_ask, missed));
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    let name = set
        .parent()
        .and_then(Path::file_name)
        .map_or_else(|| set.display().to_string(), |n| n.to_string_lossy().into());
    println!(
        "{name}: {} sentences; ask precision {precision:.3}, recall {recall:.3}, F1 {f1:.3} ({true_ask} found, {missed} missed, {false_ask} false, {true_no} rightly not)",
        true_ask + false_ask + missed + true_no
    );
    for w in wrong {
        println!("{w}");
    }
    Ok(())
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/requests");
    let mut sets: Vec<_> = std::fs::read_dir(&root)
        .map(|dir| dir.filter_map(Result::ok).map(|e| e.path().join("sentences.tsv")).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    sets.sort();
    if sets.is_empty() {
        eprintln!("no labelled sets under {}", root.display());
        std::process::exit(2);
    }
    for set in &sets {
        if let Err(e) = score(set) {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
