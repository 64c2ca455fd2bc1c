//! The engine: recognise the document once, run every enabled rule over it, stamp findings with
//! their rule's metadata and configured severity, apply inline suppressions, and sort. It knows
//! no particular rule; the meta rules about suppressions are looked up by their role.

use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Finding, Severity};
use crate::document::{self, DocKind, Document, Evidence, Issuer, KindInfo};
use crate::org::OrgView;
use crate::rules::{Context, RuleMeta, Unchecked, all_rules};
use crate::source::Source;
use crate::suppress::{DirectiveProblem, Suppressions};

/// Codes of the meta rules through which the engine reports problems with suppressions.
pub const UNUSED_SUPPRESSION: &str = "GW001";
pub const INVALID_SUPPRESSION: &str = "GW002";

/// Build the document model, with the config's `[document]` defaults for what the draft does
/// not state.
pub fn build_document(source: &Source, settings: &Settings, orgs: &OrgView) -> Document {
    let mut doc = document::recognise(source);
    if doc.kind.is_none()
        && let Some(kind) = settings.document.doc_type.as_deref().and_then(DocKind::parse)
    {
        doc.kind = Some(KindInfo { kind, evidence: Evidence::Config });
        if doc.direction.is_none() {
            doc.direction = kind.default_direction().map(|d| (d, Evidence::KindDefault));
        }
    }
    if doc.issuer.is_none()
        && let Some(sender) = &settings.document.sender
    {
        doc.issuer = Some(Issuer { name: sender.clone(), evidence: Evidence::Config, span: None });
    }
    crate::org::parties::attach(&mut doc, orgs);
    document::requests::attach(&mut doc, &source.text);
    doc
}

/// What every rule's context on one draft shares; each rule adds its own parameters.
struct Shared<'a> {
    source: &'a Source,
    doc: &'a Document,
    orgs: &'a OrgView,
    settings: &'a Settings,
    unchecked: &'a [Unchecked],
    memo: crate::rules::memo::Memo,
}

impl Shared<'_> {
    fn context<'b>(&'b self, params: &'b crate::config::RuleParams) -> Context<'b> {
        Context {
            source: self.source,
            doc: self.doc,
            orgs: self.orgs,
            params,
            calendar: &self.settings.calendar,
            unchecked: self.unchecked,
            words: &self.settings.words,
            memo: &self.memo,
        }
    }
}

/// A draft at least this long has its rules run on several cores (the rules share the one
/// document model and are independent); shorter ones are not worth the hand-over.
pub const PARALLEL_RULES_FROM: usize = 256 * 1024;

/// Every rule's diagnostics, in the rules' order: on several cores for a very large draft.
fn run_rules<R: Sync>(rules: &[R], text_len: usize, run: impl Fn(&R) -> Vec<Diagnostic> + Sync) -> Vec<Diagnostic> {
    #[cfg(feature = "parallel")]
    if text_len >= PARALLEL_RULES_FROM {
        use rayon::prelude::*;
        let per_rule: Vec<Vec<Diagnostic>> = rules.par_iter().map(&run).collect();
        return per_rule.into_iter().flatten().collect();
    }
    let _ = text_len;
    rules.iter().flat_map(run).collect()
}

/// Starts the enabled rules' slow tables (GW610's models, about 0.1 s) on a thread of their
/// own while the first draft is read and modelled. A head start only: if the thread cannot be
/// made, each rule builds its tables when it first runs. (The web page has no threads.)
#[cfg(feature = "cli")]
pub fn warm_up_in_background(settings: &Settings) {
    let packs = crate::packs::AppliedPacks::national_only();
    let rules: Vec<&'static dyn crate::rules::Rule> =
        settings.enabled_rules(&packs).into_iter().map(|(r, _)| r).collect();
    let warm = move || rules.into_iter().for_each(|r| r.warm_up());
    let _ = std::thread::Builder::new().name("gwlint-warm-up".into()).spawn(warm);
}

/// Lint one decoded source.
pub fn lint(source: &Source, settings: &Settings, orgs: &OrgView) -> Vec<Diagnostic> {
    let doc = build_document(source, settings, orgs);
    lint_document(source, &doc, settings, orgs)
}

pub fn lint_document(source: &Source, doc: &Document, settings: &Settings, orgs: &OrgView) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut findings = Vec::new();
    // The regional packs follow the sender, so each draft has its own.
    let packs = settings.packs_for(doc.parties.sender.as_ref(), orgs);
    // What the model could not determine is said (GW004), never silently skipped.
    let enabled = settings.enabled_rules(&packs);
    let unchecked: Vec<Unchecked> = enabled
        .iter()
        .filter_map(|(rule, _)| {
            let meta = rule.meta();
            meta.needs.iter().find(|n| !n.met(doc)).map(|&need| Unchecked { code: meta.code, need })
        })
        .collect();
    let shared = Shared { source, doc, orgs, settings, unchecked: &unchecked, memo: Default::default() };
    let run = |&(rule, severity): &(&'static dyn crate::rules::Rule, Severity)| -> Vec<Diagnostic> {
        let meta = rule.meta();
        let params = settings.rule_params(meta.code, &packs);
        let cx = shared.context(&params);
        let mut findings = Vec::new();
        rule.check(&cx, &mut findings);
        let configured = settings.severities.get(meta.code).copied().flatten();
        findings
            .into_iter()
            .map(|f| {
                // A finding may carry its own level (a heuristic match lower, a hard violation
                // of a mostly-advisory rule higher); a level set in the config wins over both.
                let sev = configured.unwrap_or_else(|| f.severity.unwrap_or(severity));
                let mut d = stamp(meta, sev, f, source.text.len());
                // Most sources cite one text, kept as it is: no copy then.
                if let std::borrow::Cow::Owned(cited) = packs.cite(&d.source) {
                    d.source = cited.into();
                }
                d
            })
            .collect()
    };
    diagnostics.extend(run_rules(&enabled, source.text.len(), run));

    for rule in &settings.user_rules {
        let Some(severity) = settings.user_rule_severity(rule) else { continue };
        let params = settings.rule_params(&rule.code, &packs);
        let cx = shared.context(&params);
        findings.clear();
        rule.check(&cx, &mut findings);
        for f in findings.drain(..) {
            diagnostics.push(stamp_user(rule, severity, f, source.text.len()));
        }
    }

    let mut suppressions = Suppressions::parse(doc, &source.text);
    diagnostics.retain(|d| !suppressions.suppresses(d));
    for problem in suppressions.unused() {
        let (code, finding) = match problem {
            DirectiveProblem::Unused { span, what } => (
                UNUSED_SUPPRESSION,
                Finding::new(span, format!("抑制指令未抑制任何问题：{what}")).help("删除这条指令，或核对规则代码"),
            ),
            DirectiveProblem::UnknownRule { span, name } => (
                INVALID_SUPPRESSION,
                Finding::new(span, format!("抑制指令中的规则“{name}”不存在"))
                    .help("用 gwlint rules 查看规则代码和名称"),
            ),
            DirectiveProblem::UnmatchedEnable { span } => (
                INVALID_SUPPRESSION,
                Finding::new(span, "gwlint-enable 没有与之对应的 gwlint-disable")
                    .help("删除这条指令，或在前面补上 gwlint-disable"),
            ),
        };
        let Some(rule) = all_rules().iter().find(|r| r.meta().code == code) else { continue };
        if let Some(sev) = settings.effective_severity(rule.meta(), &packs) {
            diagnostics.push(stamp(rule.meta(), sev, finding, source.text.len()));
        }
    }
    diagnostics.sort_by(|a, b| (a.span.start, a.span.end, &a.code).cmp(&(b.span.start, b.span.end, &b.code)));
    diagnostics.dedup_by(|a, b| a.code == b.code && a.span == b.span && a.message == b.message);
    diagnostics
}

fn stamp_user(rule: &crate::rules::user::UserRule, severity: Severity, f: Finding, text_len: usize) -> Diagnostic {
    let mut d = stamp(&USER_META, severity, f, text_len);
    d.code = rule.code.clone().into();
    d.rule = rule.name.clone().into();
    if d.source == USER_META.source {
        d.source = rule.source.clone().into();
    }
    d
}

/// The metadata all user rules share; their own code, name and source replace it per diagnostic.
static USER_META: RuleMeta = RuleMeta {
    code: "U000",
    name: "user-rule",
    summary: "自定义规则",
    category: crate::rules::Category::User,
    default_severity: Severity::Warning,
    default_enabled: true,
    pack: crate::rules::Pack::National,
    source: "",
    fix: crate::rules::FixAvailability::Sometimes,
    needs: &[],
    docs: "",
    bad: "",
    good: "",
};

fn stamp(meta: &RuleMeta, severity: Severity, f: Finding, text_len: usize) -> Diagnostic {
    let clamp = |b: usize| b.min(text_len);
    let mut span = f.span;
    span.start = clamp(span.start);
    span.end = clamp(span.end.max(span.start));
    Diagnostic {
        code: meta.code.into(),
        rule: meta.name.into(),
        category: meta.category.zh().into(),
        severity,
        message: f.message,
        message_en: f.message_en,
        source: f.source.map_or(meta.source.into(), Into::into),
        span,
        help: f.help,
        fix: f.fix,
    }
}

#[cfg(test)]
mod parallel_tests {
    use super::*;

    #[test]
    fn a_large_draft_gets_its_rules_findings_in_the_same_order() {
        let rules: Vec<usize> = (0..64).collect();
        let run = |r: &usize| -> Vec<Diagnostic> {
            (0..*r % 3)
                .map(|k| {
                    let f = Finding::new(crate::span::Span::new(*r, *r + k), format!("规则 {r} 第 {k} 条"));
                    stamp(&USER_META, Severity::Info, f, 1000)
                })
                .collect()
        };
        let sequential = run_rules(&rules, 10, run);
        let parallel = run_rules(&rules, PARALLEL_RULES_FROM, run);
        assert_eq!(sequential.len(), (0..64).map(|r| r % 3).sum::<usize>());
        assert_eq!(parallel, sequential);
    }
}
