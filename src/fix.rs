//! Applying fixes: non-overlapping edits, re-linted until nothing changes (bounded), with a
//! guard that refuses any fix that would change the draft's structure (its Markdown blocks or
//! its lines) — such a fix is reported, never applied.

use crate::config::Settings;
use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::engine;
use crate::org::OrgView;
use crate::source::{Source, SourceKind};
use pulldown_cmark::{Event, Options, Parser};

/// At most this many lint → fix rounds; fixes that keep producing new fixes stop here.
const MAX_ROUNDS: usize = 10;

#[derive(Debug, Default)]
pub struct FixReport {
    pub text: String,
    /// (code, count) of applied fixes.
    pub applied: Vec<(String, usize)>,
    /// Fixes refused because they would have changed the document's structure.
    pub refused: Vec<Diagnostic>,
}

impl FixReport {
    pub fn changed(&self, original: &str) -> bool {
        self.text != original
    }

    pub fn total_applied(&self) -> usize {
        self.applied.iter().map(|(_, n)| n).sum()
    }
}

/// Apply every fix of at least `level` to `source`, repeatedly, and return the new text.
pub fn fix_source(source: &Source, settings: &Settings, orgs: &OrgView, level: Applicability) -> FixReport {
    let mut report = FixReport { text: source.text.clone(), ..FixReport::default() };
    let mut current = source.clone();
    for _ in 0..MAX_ROUNDS {
        let diagnostics = engine::lint(&current, settings, orgs);
        let candidates: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.fix.as_ref().is_some_and(|f| f.applicability >= level && !f.edits.is_empty()))
            .filter(|d| !report.refused.iter().any(|r| r.code == d.code && r.message == d.message))
            .collect();
        let chosen = non_overlapping(&candidates);
        if chosen.is_empty() {
            break;
        }
        let before = structure(&current.text, current.kind);
        let all_edits: Vec<&Edit> = chosen.iter().flat_map(|d| &d.fix.as_ref().expect("filtered").edits).collect();
        let mut next = apply_edits(&current.text, &all_edits);
        let mut applied: Vec<&Diagnostic> = chosen.clone();
        if structure(&next, current.kind) != before {
            // Find the culprits one by one; keep the rest.
            next = current.text.clone();
            applied.clear();
            for d in chosen.iter().rev() {
                let edits: Vec<&Edit> = d.fix.as_ref().expect("filtered").edits.iter().collect();
                let trial = apply_edits(&next, &edits);
                if structure(&trial, current.kind) == before {
                    next = trial;
                    applied.push(d);
                } else {
                    report.refused.push((*d).clone());
                }
            }
        }
        if next == current.text {
            break;
        }
        for d in applied {
            match report.applied.iter_mut().find(|(c, _)| *c == d.code) {
                Some((_, n)) => *n += 1,
                None => report.applied.push((d.code.clone(), 1)),
            }
        }
        current = Source { text: next.clone(), index: crate::source::LineIndex::new(&next), ..current };
        report.text = next;
    }
    report.applied.sort();
    report
}

/// Fixes whose edits overlap neither each other nor an earlier chosen fix, in text order.
fn non_overlapping<'d>(candidates: &[&'d Diagnostic]) -> Vec<&'d Diagnostic> {
    let mut sorted: Vec<&Diagnostic> = candidates.to_vec();
    sorted.sort_by_key(|d| d.fix.as_ref().and_then(|f| f.span()).map(|s| (s.start, s.end)));
    let mut taken: Vec<crate::span::Span> = Vec::new();
    let mut chosen = Vec::new();
    for d in sorted {
        let edits = &d.fix.as_ref().expect("has fix").edits;
        let clash = edits.iter().any(|e| {
            let s = e.span();
            taken.iter().any(|t| t.overlaps(s) || (s.is_empty() && t.start < s.start && s.start < t.end) || (s == *t))
        });
        if !clash {
            taken.extend(edits.iter().map(Edit::span));
            chosen.push(d);
        }
    }
    chosen
}

/// Apply edits (already non-overlapping) from the end backwards so offsets stay valid.
pub fn apply_edits(text: &str, edits: &[&Edit]) -> String {
    let mut sorted: Vec<&&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| std::cmp::Reverse((e.byte_start, e.byte_end)));
    let mut out = text.to_string();
    for e in sorted {
        let (start, end) = (e.byte_start.min(out.len()), e.byte_end.min(out.len()));
        if start <= end && out.is_char_boundary(start) && out.is_char_boundary(end) {
            out.replace_range(start..end, &e.replacement);
        }
    }
    out
}

/// What a fix must not change: the number of lines and, for Markdown, the block structure.
fn structure(text: &str, kind: SourceKind) -> Vec<String> {
    let mut sig = vec![format!("lines:{}", crate::source::LineIndex::new(text).line_count())];
    if kind == SourceKind::Markdown {
        let mut opts = Options::empty();
        opts.insert(Options::ENABLE_TABLES);
        for event in Parser::new_ext(text, opts) {
            match event {
                Event::Start(tag) => sig.push(format!("{:?}", std::mem::discriminant(&tag))),
                Event::End(tag) => sig.push(format!("/{tag:?}")),
                Event::Rule => sig.push("hr".into()),
                _ => {}
            }
        }
    }
    sig
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_from_the_end() {
        let e1 = Edit::replace(crate::span::Span::new(0, 1), "一");
        let e2 = Edit::insert(3, "。");
        assert_eq!(apply_edits("1ab", &[&e1, &e2]), "一ab。");
    }

    #[test]
    fn markdown_structure_changes_are_detected() {
        assert_ne!(structure("1. 第一项\n", SourceKind::Markdown), structure("1。第一项\n", SourceKind::Markdown));
        assert_eq!(structure("正文,内容\n", SourceKind::Markdown), structure("正文，内容\n", SourceKind::Markdown));
    }
}
