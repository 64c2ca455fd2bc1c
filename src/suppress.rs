//! Inline suppressions: `gwlint-disable [CODES]` … `gwlint-enable [CODES]`,
//! `gwlint-disable-next-line [CODES]` and `gwlint-disable-file [CODES]`, written in HTML comments
//! (Markdown) or `//` lines (plain text). Codes may be codes, prefixes or rule names. A directive
//! that suppresses nothing is reported, as is one naming an unknown rule.

use crate::config::Selector;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Range,
    NextLine,
    File,
}

#[derive(Debug)]
struct Directive {
    comment: Span,
    scope: Scope,
    /// Empty: every rule.
    selectors: Vec<(String, Selector)>,
    /// Where it applies.
    region: Span,
    used: Vec<bool>,
    used_any: bool,
}

/// A problem with a directive itself, for the engine to report under its meta rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirectiveProblem {
    Unused { span: Span, what: String },
    UnknownRule { span: Span, name: String },
    UnmatchedEnable { span: Span },
}

pub struct Suppressions {
    directives: Vec<Directive>,
    pub problems: Vec<DirectiveProblem>,
}

impl Suppressions {
    pub fn parse(doc: &Document, text: &str) -> Suppressions {
        let mut directives: Vec<Directive> = Vec::new();
        let mut problems = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        for comment in &doc.comments {
            let mut words = comment.text.split_whitespace();
            let Some(verb) = words.next() else { continue };
            let scope = match verb {
                "gwlint-disable" => Scope::Range,
                "gwlint-disable-next-line" => Scope::NextLine,
                "gwlint-disable-file" => Scope::File,
                "gwlint-enable" => {
                    let names: Vec<&str> = words.flat_map(|w| w.split(',')).filter(|w| !w.is_empty()).collect();
                    let closing = open.iter().rposition(|&d| {
                        let sel: Vec<&str> = directives[d].selectors.iter().map(|(n, _)| n.as_str()).collect();
                        names.is_empty() || sel.is_empty() || names.iter().all(|n| sel.contains(n))
                    });
                    match closing {
                        Some(pos) => {
                            let d = open.remove(pos);
                            directives[d].region.end = comment.span.start;
                        }
                        None => problems.push(DirectiveProblem::UnmatchedEnable { span: comment.span }),
                    }
                    continue;
                }
                _ => continue,
            };
            let mut selectors = Vec::new();
            let mut named = 0;
            for name in words.flat_map(|w| w.split(',')).filter(|w| !w.is_empty()) {
                named += 1;
                match Selector::parse(name) {
                    Ok(sel) => selectors.push((name.to_string(), sel)),
                    Err(_) => {
                        problems.push(DirectiveProblem::UnknownRule { span: comment.span, name: name.to_string() })
                    }
                }
            }
            // Naming only unknown rules must not turn into "disable everything".
            if named > 0 && selectors.is_empty() {
                continue;
            }
            let region = match scope {
                Scope::File => Span::new(0, text.len()),
                Scope::Range => Span::new(comment.span.end, text.len()),
                Scope::NextLine => next_line(text, comment.span.end),
            };
            let used = vec![false; selectors.len()];
            directives.push(Directive { comment: comment.span, scope, selectors, region, used, used_any: false });
            if scope == Scope::Range {
                open.push(directives.len() - 1);
            }
        }
        Suppressions { directives, problems }
    }

    /// Whether `diag` is suppressed; records which directive did it.
    pub fn suppresses(&mut self, diag: &Diagnostic) -> bool {
        let mut hit = false;
        for d in &mut self.directives {
            if !(d.region.start <= diag.span.start && diag.span.start < d.region.end) {
                continue;
            }
            if d.selectors.is_empty() {
                d.used_any = true;
                hit = true;
                continue;
            }
            for (i, (_, sel)) in d.selectors.iter().enumerate() {
                if sel.matches(&diag.code) {
                    d.used[i] = true;
                    d.used_any = true;
                    hit = true;
                }
            }
        }
        hit
    }

    /// Directives (or named codes in them) that suppressed nothing.
    pub fn unused(&self) -> Vec<DirectiveProblem> {
        let mut out = self.problems.clone();
        for d in &self.directives {
            if d.selectors.is_empty() {
                if !d.used_any {
                    out.push(DirectiveProblem::Unused { span: d.comment, what: scope_zh(d.scope).to_string() });
                }
                continue;
            }
            let unused: Vec<&str> =
                d.selectors.iter().zip(&d.used).filter(|(_, u)| !**u).map(|((n, _), _)| n.as_str()).collect();
            if !unused.is_empty() {
                out.push(DirectiveProblem::Unused { span: d.comment, what: unused.join("、") });
            }
        }
        out
    }
}

fn scope_zh(scope: Scope) -> &'static str {
    match scope {
        Scope::Range => "本段的全部规则",
        Scope::NextLine => "下一行的全部规则",
        Scope::File => "全文的全部规则",
    }
}

/// The line after the one containing `from` (blank lines skipped), as a span.
fn next_line(text: &str, from: usize) -> Span {
    let rest = &text[from.min(text.len())..];
    let Some(nl) = rest.find('\n') else { return Span::empty(text.len()) };
    let mut start = from + nl + 1;
    loop {
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        if !text[start..line_end].trim().is_empty() || line_end == text.len() {
            return Span::new(start, line_end);
        }
        start = line_end + 1;
    }
}
