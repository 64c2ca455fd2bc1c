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
    /// How many of the applied fixes were found only by re-linting the text that earlier fixes
    /// produced (a full-width `１、` becomes `1、`, and only then is its punctuation checked), so
    /// a count of fixable findings taken before fixing is smaller than the count applied.
    pub found_after_fixing: usize,
    /// Why layout fixes of a .docx were not written (a footer holding a picture, …).
    pub layout_notes: Vec<String>,
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
    for round in 0..MAX_ROUNDS {
        let Some((next, applied)) = fix_round(&current, settings, orgs, level, &mut report.refused) else { break };
        report.count(round, &applied);
        current = Source { text: next.clone(), index: crate::source::LineIndex::new(&next), ..current };
        report.text = next;
    }
    report.applied.sort();
    report
}

impl FixReport {
    fn count(&mut self, round: usize, applied: &[Diagnostic]) {
        if round > 0 {
            self.found_after_fixing += applied.len();
        }
        for d in applied {
            match self.applied.iter_mut().find(|(c, _)| *c == d.code) {
                Some((_, n)) => *n += 1,
                None => self.applied.push((d.code.to_string(), 1)),
            }
        }
    }
}

/// One round: lint, choose the non-overlapping fixes, apply them, and refuse (into `refused`)
/// those that change the structure. `None` when nothing changes.
fn fix_round(
    current: &Source,
    settings: &Settings,
    orgs: &OrgView,
    level: Applicability,
    refused: &mut Vec<Diagnostic>,
) -> Option<(String, Vec<Diagnostic>)> {
    let diagnostics = engine::lint(current, settings, orgs);
    let candidates: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.fix.as_ref().is_some_and(|f| f.applicability >= level && !f.edits.is_empty()))
        .filter(|d| !refused.iter().any(|r| r.code == d.code && r.message == d.message))
        .collect();
    let chosen = non_overlapping(&candidates);
    if chosen.is_empty() {
        return None;
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
                refused.push((*d).clone());
            }
        }
    }
    (next != current.text).then(|| (next, applied.into_iter().cloned().collect()))
}

/// Hand a Word document's findings back to its drafter (`--annotate`, and the web page's
/// download): a Word comment per finding (rule, message, what to do, basis), each safe fix's text
/// edits as a tracked change, and the layout edits of safe fixes (and of unsafe ones when
/// `include_unsafe`) as formatting revisions. `bytes` is the package `diagnostics` were found in.
pub fn annotate_docx(
    bytes: &[u8],
    diagnostics: &[Diagnostic],
    include_unsafe: bool,
) -> Result<crate::source::docx::DocxEdits, crate::source::docx::DocxError> {
    let annotations: Vec<crate::source::docx::Annotation> = diagnostics.iter().map(annotation).collect();
    let layout: Vec<crate::diagnostic::LayoutEdit> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| {
            f.applicability == Applicability::Safe || (include_unsafe && f.applicability == Applicability::Unsafe)
        })
        .flat_map(|f| f.layout.iter().cloned())
        .collect();
    crate::source::docx::annotate(bytes, &annotations, &layout)
}

/// A Word comment for a finding; a safe fix's edits become tracked changes.
fn annotation(d: &Diagnostic) -> crate::source::docx::Annotation {
    let mut comment = vec![format!("{} {}【{}】{}", d.code, d.rule, d.severity.zh(), d.message)];
    if let Some(help) = &d.help {
        comment.push(format!("建议：{help}"));
    }
    let safe = d.fix.as_ref().filter(|f| f.applicability == Applicability::Safe);
    if let Some(fix) = &d.fix {
        comment.push(if !fix.layout.is_empty() && fix.edits.is_empty() {
            format!("可自动排版：{}（运行 gwlint check --fix 即可）", fix.message)
        } else if safe.is_some() {
            format!("已作为修订标出：{}（可接受或拒绝）", fix.message)
        } else {
            format!("可改为：{}（请人工确认）", fix.message)
        });
    }
    comment.push(format!("依据：{}", d.source));
    crate::source::docx::Annotation { span: d.span, comment, edits: safe.map(|f| f.edits.clone()).unwrap_or_default() }
}

/// What fixing a Word document did.
#[derive(Debug)]
pub struct DocxFixReport {
    /// The fixed package (the input's bytes when nothing changed).
    pub bytes: Vec<u8>,
    /// The fixed document, read back.
    pub source: Source,
    pub report: FixReport,
    /// Fixes that could not be written into the XML (their text crosses formatting runs).
    pub not_written: Vec<Diagnostic>,
}

/// Apply fixes of at least `level` to a .docx in place: each round's text edits are written into
/// the `w:t` elements that hold the text, so every run keeps its formatting and every part the
/// fixes do not touch stays as it was. A fix whose text crosses runs is left for the drafter. The
/// text read back must be exactly the fixed text, or nothing is written (an error).
pub fn fix_docx(
    path: &std::path::Path,
    bytes: &[u8],
    settings: &Settings,
    orgs: &OrgView,
    level: Applicability,
) -> Result<DocxFixReport, crate::source::docx::DocxError> {
    use crate::source::docx::{DocxError, apply_fixes, apply_layout};
    let mut bytes = bytes.to_vec();
    let mut source = Source::from_docx(path, &bytes)?;
    let mut report = FixReport { text: source.text.clone(), ..FixReport::default() };
    let mut not_written: Vec<Diagnostic> = Vec::new();
    // Formatting first (一键排版): it changes no text, so the text fixes' spans stay valid. In
    // rounds: a font set to the standard's family may then meet the house's choice (GW912). A
    // layout fix counts as applied only when its finding is gone afterwards.
    let mut layout_notes: Vec<String> = Vec::new();
    let layout_fixes_of = |source: &Source| -> Vec<Diagnostic> {
        engine::lint(source, settings, orgs)
            .into_iter()
            .filter(|d| d.fix.as_ref().is_some_and(|f| f.applicability >= level && !f.layout.is_empty()))
            .collect()
    };
    let mut pending = layout_fixes_of(&source);
    for round in 0..MAX_ROUNDS {
        if pending.is_empty() {
            break;
        }
        let edits: Vec<crate::diagnostic::LayoutEdit> =
            pending.iter().flat_map(|d| d.fix.as_ref().expect("filtered").layout.clone()).collect();
        let written = apply_layout(&bytes, &edits, false)?;
        for note in written.not_written {
            if !layout_notes.contains(&note) {
                layout_notes.push(note);
            }
        }
        let next = Source::from_docx(path, &written.bytes)?;
        if next.text != source.text {
            return Err(DocxError::Xml("排版修复改变了文字，未写入任何内容（请报告这个问题）".into()));
        }
        let after = layout_fixes_of(&next);
        let same = |a: &Diagnostic, b: &Diagnostic| a.code == b.code && a.message == b.message;
        let (stuck, resolved): (Vec<Diagnostic>, Vec<Diagnostic>) =
            pending.into_iter().partition(|d| after.iter().any(|a| same(a, d)));
        if resolved.is_empty() {
            // Nothing this round set took effect: what is left is reported, not retried.
            not_written.extend(stuck);
            break;
        }
        report.count(round, &resolved);
        bytes = written.bytes;
        source = next;
        // Findings that remain after their fix are not tried again.
        not_written.extend(stuck.iter().cloned());
        pending = after.into_iter().filter(|a| !stuck.iter().any(|d| same(a, d))).collect();
    }
    report.layout_notes = layout_notes;
    // Rounds that wrote something: a fix found in a later one was found only after fixing.
    let mut written_rounds = 0;
    for _ in 0..MAX_ROUNDS {
        // Fixes that cannot be written are set aside like refused ones, so the next round goes on.
        let mut set_aside = report.refused.clone();
        set_aside.extend(not_written.iter().cloned());
        let known = report.refused.len() + not_written.len();
        let round = fix_round(&source, settings, orgs, level, &mut set_aside);
        // Refusals of this round count even when it refused everything it chose.
        report.refused.extend(set_aside.into_iter().skip(known));
        let Some((_, chosen)) = round else { break };
        let edits: Vec<Edit> = chosen.iter().flat_map(|d| d.fix.as_ref().expect("chosen").edits.clone()).collect();
        let (_, written) = apply_fixes(&bytes, &edits)?;
        // Only whole fixes: one whose edits were not all written is left out entirely.
        let mut at = 0;
        let mut whole = Vec::new();
        for d in chosen {
            let n = d.fix.as_ref().expect("chosen").edits.len();
            if written[at..at + n].iter().all(|w| *w) {
                whole.push(d);
            } else {
                not_written.push(d);
            }
            at += n;
        }
        if whole.is_empty() {
            continue;
        }
        let edits: Vec<Edit> = whole.iter().flat_map(|d| d.fix.as_ref().expect("chosen").edits.clone()).collect();
        let (next_bytes, written) = apply_fixes(&bytes, &edits)?;
        let refs: Vec<&Edit> = edits.iter().collect();
        let expected = apply_edits(&source.text, &refs);
        let next = Source::from_docx(path, &next_bytes)?;
        if written.iter().any(|w| !w) || next.text != expected {
            return Err(DocxError::Xml("修复写入后读回的文字与预期不一致，未写入任何内容（请报告这个问题）".into()));
        }
        report.count(written_rounds, &whole);
        written_rounds += 1;
        bytes = next_bytes;
        source = next;
        report.text = source.text.clone();
    }
    report.applied.sort();
    Ok(DocxFixReport { bytes, source, report, not_written })
}

/// Fixes whose edits overlap neither each other nor an earlier chosen fix, in text order.
fn non_overlapping<'d>(candidates: &[&'d Diagnostic]) -> Vec<&'d Diagnostic> {
    let mut sorted: Vec<&Diagnostic> = candidates.to_vec();
    sorted.sort_by_key(|d| d.fix.as_ref().and_then(|f| f.span()).map(|s| (s.start, s.end)));
    let mut taken = Taken::default();
    let mut chosen = Vec::new();
    for d in sorted {
        let edits = &d.fix.as_ref().expect("has fix").edits;
        if !edits.iter().any(|e| taken.clashes(e.span())) {
            for e in edits {
                taken.insert(e.span());
            }
            chosen.push(d);
        }
    }
    chosen
}

/// The edit spans of the fixes chosen so far. Two spans clash when they share a byte, when an
/// insertion point lies strictly inside the other, or when they are equal (two insertions at
/// one point). Spans in the set never clash with each other, so the non-empty ones are disjoint
/// and sorted by start they are sorted by end too: a lookup is a range query, not a scan.
#[derive(Default)]
struct Taken {
    /// Non-empty spans: start → end.
    ranges: std::collections::BTreeMap<usize, usize>,
    /// Insertion points.
    points: std::collections::BTreeSet<usize>,
}

impl Taken {
    fn clashes(&self, s: crate::span::Span) -> bool {
        if s.is_empty() {
            // Strictly inside a range, or the same insertion point.
            return self.points.contains(&s.start)
                || self.ranges.range(..s.start).next_back().is_some_and(|(_, &end)| end > s.start);
        }
        // A range starting before `s` ends and ending after it starts (the last such start has
        // the largest end), or an insertion point strictly inside `s`.
        self.ranges.range(..s.end).next_back().is_some_and(|(_, &end)| end > s.start)
            || self.points.range(s.start + 1..s.end).next().is_some()
    }

    fn insert(&mut self, s: crate::span::Span) {
        if s.is_empty() {
            self.points.insert(s.start);
        } else {
            self.ranges.insert(s.start, s.end);
        }
    }
}

/// Apply edits (already non-overlapping) as if from the end backwards, so offsets stay valid.
pub fn apply_edits(text: &str, edits: &[&Edit]) -> String {
    // Ascending order; of edits at the same place the one listed last ends up first, as when
    // each is applied in turn from the end.
    let mut sorted: Vec<(usize, &Edit)> = edits.iter().copied().enumerate().collect();
    sorted.sort_by_key(|&(i, e)| (e.byte_start, e.byte_end, std::cmp::Reverse(i)));
    let well_formed = sorted.iter().all(|(_, e)| {
        e.byte_start <= e.byte_end
            && e.byte_end <= text.len()
            && text.is_char_boundary(e.byte_start)
            && text.is_char_boundary(e.byte_end)
    }) && sorted.windows(2).all(|w| w[0].1.byte_end <= w[1].1.byte_start);
    if !well_formed {
        return apply_edits_one_by_one(text, edits);
    }
    // One pass: copy the text between edits and each replacement.
    let extra: usize = sorted.iter().map(|(_, e)| e.replacement.len()).sum();
    let mut out = String::with_capacity(text.len() + extra);
    let mut pos = 0;
    for (_, e) in sorted {
        out.push_str(&text[pos..e.byte_start]);
        out.push_str(&e.replacement);
        pos = e.byte_end;
    }
    out.push_str(&text[pos..]);
    out
}

/// Edits that overlap, lie outside the text or split a character: apply them one by one from
/// the end, skipping any that do not fit the text as it then is.
fn apply_edits_one_by_one(text: &str, edits: &[&Edit]) -> String {
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
    fn one_pass_agrees_with_one_by_one() {
        let text = "一二三,四五.六";
        let c = text.find(',').unwrap();
        let cases: Vec<Vec<Edit>> = vec![
            vec![Edit::insert(3, "A"), Edit::insert(3, "B"), Edit::replace(crate::span::Span::new(3, 6), "C")],
            vec![Edit::replace(crate::span::Span::new(0, 3), "X"), Edit::insert(3, "Y"), Edit::insert(0, "Z")],
            vec![Edit::replace(crate::span::Span::new(c, c + 1), "，"), Edit::insert(text.len(), "。")],
            // Overlapping, out of range and mid-character edits take the careful path.
            vec![Edit::replace(crate::span::Span::new(0, 6), "X"), Edit::replace(crate::span::Span::new(3, 9), "Y")],
            vec![Edit::replace(crate::span::Span::new(1, 2), "X"), Edit::insert(99, "Y")],
        ];
        for edits in &cases {
            let refs: Vec<&Edit> = edits.iter().collect();
            assert_eq!(apply_edits(text, &refs), apply_edits_one_by_one(text, &refs), "{edits:?}");
        }
    }

    #[test]
    fn taken_spans_clash_as_the_plain_scan_says() {
        use crate::span::Span;
        let plain = |taken: &[Span], s: Span| {
            taken.iter().any(|t| t.overlaps(s) || (s.is_empty() && t.start < s.start && s.start < t.end) || (s == *t))
        };
        let spans: Vec<Span> =
            (0..40).flat_map(|a| [Span::new(a, a), Span::new(a, a + 1), Span::new(a, a + 3)]).collect();
        // Greedy choice in a scrambled order, checking every query against the plain scan.
        let mut taken = Taken::default();
        let mut list: Vec<Span> = Vec::new();
        for k in 0..spans.len() {
            let s = spans[(k * 37) % spans.len()];
            for q in &spans {
                assert_eq!(taken.clashes(*q), plain(&list, *q), "{q:?} against {list:?}");
            }
            if !taken.clashes(s) {
                taken.insert(s);
                list.push(s);
            }
        }
    }

    #[test]
    fn markdown_structure_changes_are_detected() {
        assert_ne!(structure("1. 第一项\n", SourceKind::Markdown), structure("1。第一项\n", SourceKind::Markdown));
        assert_eq!(structure("正文,内容\n", SourceKind::Markdown), structure("正文，内容\n", SourceKind::Markdown));
    }
}
